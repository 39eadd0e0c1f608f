export { type BareHandler, type BareRoute, registerBareRoute } from './bare-routes';
