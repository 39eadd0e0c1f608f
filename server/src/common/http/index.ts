export { type BareHandler, registerBareGet } from './bare-routes';
