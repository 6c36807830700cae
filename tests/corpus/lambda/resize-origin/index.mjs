import * as _ from 'lodash-es';
import moize from 'moize';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: process.env.AWS_REGION });
const BUCKET = process.env.ORIGIN_BUCKET;

const parseVariant = _.memoize((uri) => { // expect: no-unbounded-cache-in-handler
  const match = /^\/(\d+)x(\d+)\/(.+)$/.exec(uri);
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]), key: match[3] };
});

const loadOriginal = moize(
  async (key) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await out.Body.transformToByteArray());
  },
  { isPromise: true, maxSize: 20 },
);

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const variant = parseVariant(request.uri);
  if (!variant) return request;
  const original = await loadOriginal(variant.key);
  return {
    status: '200',
    headers: { 'content-type': [{ key: 'Content-Type', value: 'image/jpeg' }] },
    body: original.toString('base64'),
    bodyEncoding: 'base64',
  };
};
