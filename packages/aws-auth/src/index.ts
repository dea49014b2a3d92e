export { AwsAuthError } from './awsAuthError.js';
