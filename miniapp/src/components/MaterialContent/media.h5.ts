import type {
  Swiper as TaroSwiper,
  SwiperItem as TaroSwiperItem,
  Video as TaroVideo,
} from '@tarojs/components';
import { defineCustomElement as defineSwiper } from '@tarojs/components/dist/components/taro-swiper-core';
import { defineCustomElement as defineSwiperItem } from '@tarojs/components/dist/components/taro-swiper-item-core';
import { defineCustomElement as defineVideo } from '@tarojs/components/dist/components/taro-video-core';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib';

/**
 * Swiper, SwiperItem and Video built as @tarojs/components builds them (lib/react/components.js), in a module of
 * their own: webpack keeps every export of that module that some page uses in every page that bundles it, so
 * imported from there by this one page they were in all pages (~230 KB of minified JavaScript each).
 */
export const Swiper = createReactComponent(
  'taro-swiper-core',
  undefined,
  manipulatePropsFunction,
  defineSwiper,
) as unknown as typeof TaroSwiper;
export const SwiperItem = createReactComponent(
  'taro-swiper-item-core',
  undefined,
  manipulatePropsFunction,
  defineSwiperItem,
) as unknown as typeof TaroSwiperItem;
export const Video = createReactComponent(
  'taro-video-core',
  undefined,
  manipulatePropsFunction,
  defineVideo,
) as unknown as typeof TaroVideo;
