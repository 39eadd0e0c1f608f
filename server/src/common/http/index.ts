export {
  BARE_ROUTES,
  type BareHandler,
  type BareRoute,
  bareRouteParts,
  registerBareRoute,
} from './bare-routes';
