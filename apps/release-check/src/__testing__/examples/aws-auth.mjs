// The README example of @x/aws-auth, run against the package as npm installed it: sign the exact
// request with static keys.
import { signRequest } from '@x/aws-auth';

const request = {
  method: 'POST',
  url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'openai.gpt-oss-120b', input: 'Hello' }),
};
const options = {
  region: 'us-east-1',
  service: 'bedrock-mantle',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  signingDate: new Date('2025-01-02T03:04:05Z'),
};
const signed = await signRequest(request, options);
const again = await signRequest(request, options);
console.log(
  JSON.stringify({
    authorization: signed.headers.authorization,
    amzDate: signed.headers['x-amz-date'],
    deterministic: signed.headers.authorization === again.headers.authorization,
    bodyUnchanged: signed.body === request.body,
  }),
);
