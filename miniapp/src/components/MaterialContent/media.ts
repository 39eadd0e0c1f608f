/**
 * The heavy media components only material pages use. On H5, media.h5.ts builds them itself so that no other
 * page bundles Swiper (the library) or the video player; elsewhere (WeChat, Jest) they are Taro's own.
 */
export { Swiper, SwiperItem, Video } from '@tarojs/components';
