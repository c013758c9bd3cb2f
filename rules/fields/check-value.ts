import type { FieldDef, SubFieldDef } from '../config/field-schema';
import { validateAccount } from './account';
import { validateBik } from './bik';
import { validateBoolean } from './boolean';
import { validateEnum, validateMultiEnum } from './choice';
import { validateDate } from './date';
import { validateEmail } from './email';
import type { FieldResult } from './field-result';
import { validateInn } from './inn';
import { validateKpp } from './kpp';
import { validateNumber } from './number';
import { validateOgrn } from './ogrn';
import { validatePhone } from './phone';
import { validateMultiline, validateText } from './text';
import { validateUrl } from './url';

export type Station = Record<string, unknown>;

/** A field holding one value (everything but a repeatable group). */
export type ValueFieldDef = Exclude<FieldDef, { type: 'repeatable' }> | SubFieldDef;

/**
 * Runs the validator of a field's type on a filled-in value. The whole station is passed so that
 * cross-field checks work (the account is checked against the BIK). The problem it answers does
 * not name the field: callers add the label where they show it.
 */
export function checkValue(field: ValueFieldDef, value: unknown, station: Station): FieldResult {
  switch (field.type) {
    case 'text': return validateText(value, field);
    case 'multiline': return validateMultiline(value, field);
    case 'number': return validateNumber(value, field);
    case 'boolean': return validateBoolean(value);
    case 'date': return validateDate(value);
    case 'enum': return validateEnum(value, field);
    case 'multi-enum': return validateMultiEnum(value, field);
    case 'email': return validateEmail(value);
    case 'phone': return validatePhone(value);
    case 'url': return validateUrl(value, field);
    case 'inn': return validateInn(value);
    case 'kpp': return validateKpp(value);
    case 'ogrn': return validateOgrn(value);
    case 'bik': return validateBik(value);
    case 'account': return validateAccount(value, station[field.bikField]);
  }
}
