import { GraphQLInputField } from 'graphql';
import { Extensions } from 'type-graphql';

const IDENTIFIER = 'identifier';

/**
 * Marks an input field that holds an identifier, not free text (a TIN, phone, ZIP, DLN, document or record
 * number, each checked by its own validator): the argument guard lets TIN-shaped numbers through there only.
 */
export const IdentifierField = (): MethodDecorator & PropertyDecorator & ClassDecorator => Extensions({ [IDENTIFIER]: true });

export function isIdentifierField(field: GraphQLInputField): boolean {
  return field.extensions?.[IDENTIFIER] === true;
}
