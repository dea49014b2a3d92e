/** An `@aws-sdk/*` or `@smithy/*` module. */
export const isAwsSdkModule = (url: string): boolean => /[/+]@(aws-sdk|smithy)[/+]/.test(url);

/** @x/aws-auth's main entry (the signer), as opposed to its light `endpoints` subpath. */
export const isSignerModule = (url: string): boolean => /aws-auth\/dist\/index\.js$/.test(url);
