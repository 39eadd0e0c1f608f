export { ApiExceptionFilter } from './api-exception.filter';
