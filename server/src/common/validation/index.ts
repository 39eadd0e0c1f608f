export {
  ZodBody,
  bareBodyValidator,
  ZodQuery,
  declaredRequestSchemas,
  toOpenApiSchema,
  type DeclaredRequestSchema,
} from './zod-decorators';
export { ZodValidationPipe } from './zod-validation.pipe';
