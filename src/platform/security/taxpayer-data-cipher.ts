import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1';

/**
 * Application-level encryption of taxpayer identifiers (TINs, dates of birth) with AES-256-GCM. Each
 * sealed value names its key id, so keys can be rotated: new values use the current key, old values
 * still open with the key they name. A keyed hash (HMAC-SHA256) of the normalized value allows exact-match
 * search without storing the value in clear.
 */
export class TaxpayerDataCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly currentKeyId: string,
    private readonly hmacKey: Buffer,
  ) {
    const current = keys.get(currentKeyId);
    if (!current || current.length !== 32) throw new Error(`Data key "${currentKeyId}" must exist and be 32 bytes`);
    if (hmacKey.length < 32) throw new Error('The HMAC key must be at least 32 bytes');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}:${this.currentKeyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  open(sealed: string): string {
    const [enc, version, keyId, iv, body] = sealed.split(':');
    if (`${enc}:${version}` !== PREFIX || !keyId || !iv || !body) throw new Error('Not a sealed value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Unknown data key "${keyId}": keep retired keys in DATA_KEYS until rows are re-sealed`);
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of the value with punctuation and case removed (TIN 123-45-6789 = 123456789). */
  hash(plain: string): string {
    return createHmac('sha256', this.hmacKey)
      .update(plain.replace(/[^0-9A-Za-z]/g, '').toUpperCase())
      .digest('hex');
  }
}

let configured: TaxpayerDataCipher | null = null;

/** Set once at start-up from configuration (entity transformers use it). */
export function configureTaxpayerDataCipher(cipher: TaxpayerDataCipher): void {
  configured = cipher;
}

export function taxpayerDataCipher(): TaxpayerDataCipher {
  if (!configured) throw new Error('The taxpayer data cipher is not configured');
  return configured;
}

/** TypeORM transformer: the column holds the sealed value; the entity the clear one. */
export const sealedColumn = {
  to: (value: string | null | undefined) => (value == null ? value : taxpayerDataCipher().seal(value)),
  from: (value: string | null) => (value == null ? value : taxpayerDataCipher().open(value)),
};

/** Where a structured value keeps its taxpayer values: each as the object holding it and its key. */
export type PlacesOf<T> = (value: T) => [holder: object, key: string][];

/** A copy of `value` with the string at each of its places passed through `transform`. */
export function mapPlaces<T>(value: T, placesOf: PlacesOf<T>, transform: (value: string) => string): T {
  const copy = structuredClone(value);
  for (const [holder, key] of placesOf(copy)) {
    const values = holder as Record<string, string>;
    values[key] = transform(values[key]);
  }
  return copy;
}

/**
 * TypeORM transformer for a structured column (e.g. JSONB) that carries taxpayer values in known places (`placesOf`,
 * the owner's): sealed in the column, clear in the entity. A value read is opened when first used (a lazy property),
 * so a list that never shows the content (a work queue) opens nothing.
 */
export function sealedValuesColumn<T extends object>(placesOf: PlacesOf<T>) {
  return {
    to: (value: T | null | undefined) => (value == null ? value : mapPlaces(value, placesOf, (clear) => taxpayerDataCipher().seal(clear))),
    // The column's value is parsed afresh for each row: its places are replaced where they are.
    from: (value: T | null) => {
      if (value == null) return value;
      for (const [holder, key] of placesOf(value)) openWhenRead(holder, key);
      return value;
    },
  };
}

function openWhenRead(holder: object, key: string): void {
  const sealed = (holder as Record<string, string>)[key];
  let clear: string | undefined;
  Object.defineProperty(holder, key, {
    enumerable: true,
    configurable: true,
    get: () => (clear ??= taxpayerDataCipher().open(sealed)),
    set: (value: unknown) => Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true }),
  });
}

/** Builds the cipher from the validated configuration and makes it the one the entities use. */
export function configureDataProtection(config: {
  keys: ReadonlyMap<string, Buffer>;
  currentKeyId: string;
  hmacKey: Buffer;
}): TaxpayerDataCipher {
  const cipher = new TaxpayerDataCipher(config.keys, config.currentKeyId, config.hmacKey);
  configureTaxpayerDataCipher(cipher);
  return cipher;
}
