import type { S3Event } from 'aws-lambda';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';

const s3 = new S3Client({});
const SIZES = [64, 256, 1024] as const;

// Keys already handled by this warm container; S3 sometimes delivers an event twice.
const handledKeys: string[] = []; // expect: no-unbounded-cache-in-handler

async function thumbnail(bucket: string, key: string) {
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = Buffer.from(await original.Body!.transformToByteArray());
  await Promise.all(
    SIZES.map(async (size) => {
      const body = await sharp(bytes).resize(size, size, { fit: 'inside' }).webp().toBuffer();
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `thumbs/${size}/${key}`, Body: body, ContentType: 'image/webp' }));
    }),
  );
}

export const handler = async (event: S3Event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    if (key.startsWith('thumbs/') || handledKeys.includes(key)) continue;
    await thumbnail(record.s3.bucket.name, key);
    handledKeys.push(key);
  }
  return { processed: event.Records.length };
};
