import type { AwsCredentials } from '@x/aws-auth';

/**
 * Static AWS keys that exist only for the offline demo: the embedded server verifies SigV4 requests
 * against them. They open nothing anywhere else.
 */
export const DEMO_AWS_CREDENTIALS: AwsCredentials = Object.freeze({
  accessKeyId: 'AKIAXDEMO00000000000',
  secretAccessKey: 'xdemo-offline-secret-key-0000000000000000',
});

export const DEMO_AWS_REGION = 'us-east-1';
export const DEMO_AWS_PROFILE = 'xdemo';

/** Shared AWS files with the demo profile, as `aws configure` would write them. */
export function demoAwsFiles(): { credentials: string; config: string } {
  return {
    credentials: `[${DEMO_AWS_PROFILE}]\naws_access_key_id = ${DEMO_AWS_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEMO_AWS_CREDENTIALS.secretAccessKey}\n`,
    config: `[profile ${DEMO_AWS_PROFILE}]\nregion = ${DEMO_AWS_REGION}\n`,
  };
}
