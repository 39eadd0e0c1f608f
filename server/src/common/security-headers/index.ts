export { contentSecurityPolicy, inlineScriptsOf, serializePolicy } from './content-security-policy';
export { contentSecurityPolicyFor, registerSecurityHeaders } from './security-headers';
