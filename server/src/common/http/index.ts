export { BARE_ROUTES, type BareHandler, type BareRoute, registerBareRoute } from './bare-routes';
