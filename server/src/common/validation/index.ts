export { ZodBody, ZodQuery, toOpenApiSchema } from './zod-decorators';
export { ZodValidationPipe } from './zod-validation.pipe';
