export { contentSecurityPolicy, inlineScriptsOf, serializePolicy } from './content-security-policy';
export { contentSecurityPolicyFor, documentHeadersFor, registerSecurityHeaders } from './security-headers';
