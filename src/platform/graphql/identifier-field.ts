import { GraphQLInputField } from 'graphql';
import { Extensions } from 'type-graphql';

const IDENTIFIER = 'identifier';

/**
 * Marks an input field that holds an identifier, not free text: the argument guard lets TIN-shaped numbers through
 * there only. Mark a field whose own validator fixes its format (a TIN, the 14566 phone and fax, ZIP, DLN, MFT, tax
 * period) or that carries another system's identifier, which may well be nine digits (DHS report id, travel document
 * number, TECS record reference, a phone number DHS reports). Anything else stays free text.
 */
export const IdentifierField = (): PropertyDecorator => Extensions({ [IDENTIFIER]: true });

export function isIdentifierField(field: GraphQLInputField): boolean {
  return field.extensions?.[IDENTIFIER] === true;
}
