import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A document attached to an owner (a referral, a Customs request): what the receiver sees of it.
 * The bytes live in the DocumentStore, sealed with `sealedKey` (a per-document AES-256 key sealed by the current
 * data key, like TINs). Never updated or deleted through the API (see the README's retention section).
 */
@ObjectType('Document', {
  description:
    'A document travelling with a referral (the signed return, the envelope, research prints) or kept with a Customs request (its letter, later correspondence): ' +
    'PDF, TIFF, PNG or JPEG, encrypted at rest; download it from downloadPath with the same bearer token',
})
@Entity('document')
@Index('document_owner_idx', ['ownerKind', 'ownerId', 'uploadedAt'])
export class StoredDocument {
  @Field(() => UUIDResolver, { description: 'The document id (the upload answered it)' })
  @PrimaryColumn('uuid')
  id!: string;

  /** Which kind of owner (`referral`, `customs-request`): the registered DocumentOwner decides who may attach and see it. */
  @Column({ type: 'text', name: 'owner_kind' })
  ownerKind!: string;

  @Column({ type: 'uuid', name: 'owner_id' })
  ownerId!: string;

  @Field(() => String, { description: 'The file name given at upload, without any folder' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, {
    description: 'The media type found in the content (application/pdf, image/tiff, image/png, image/jpeg), never the name',
  })
  @Column({ type: 'text', name: 'media_type' })
  mediaType!: string;

  @Field(() => Int, { description: 'Size in bytes' })
  @Column({ type: 'integer' })
  size!: number;

  @Field(() => String, {
    description: 'SHA-256 of the content, lower-case hex: the receiver can check the document is the one uploaded',
  })
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** The document key sealed by the data key it names (TaxpayerDataCipher). */
  @Column({ type: 'text', name: 'sealed_key' })
  sealedKey!: string;

  /** Plain bytes per stored chunk (the last may be shorter). */
  @Column({ type: 'integer', name: 'chunk_size' })
  chunkSize!: number;

  @Column({ type: 'integer', name: 'chunk_count' })
  chunkCount!: number;

  /** `clamd`: a configured ClamAV daemon found nothing before the document became visible; `none`: no scanner configured. */
  @Field(() => String, { description: 'clamd: scanned clean by the configured ClamAV daemon before it became visible; none: not scanned' })
  @Column({ type: 'text', name: 'malware_scan' })
  malwareScan!: 'clamd' | 'none';

  @Column({ type: 'uuid', name: 'uploaded_by_id' })
  uploadedById!: string;

  @ManyToOne('Employee', { nullable: false })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: unknown;

  @Field(() => Date, { description: 'When the upload was stored (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'uploaded_at' })
  uploadedAt!: Date;
}

/** One sealed chunk of a document (AES-256-GCM: ciphertext then the 16-byte tag). */
@Entity('document_chunk')
export class DocumentChunk {
  @PrimaryColumn({ type: 'uuid', name: 'document_id' })
  documentId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  // The chunks are written before their document row, in the same transaction.
  @ManyToOne(() => StoredDocument, { nullable: false, onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'document_id' })
  document?: StoredDocument;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
