import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import { ownValue } from '../model/own.js';
import type { Program } from '../model/program.js';
import type { ConversionNotice } from './conversion-notice.js';

/** A credit value found on an external credential, with the unit the credential itself states, if any. */
export interface FoundCredits {
  /** The award the credits are for. */
  readonly award: string;
  readonly value: number;
  /** The unit the credential states (an `ECTS` extension, an ELM credit framework). */
  readonly unit?: string;
  /** The catalog issuer id. */
  readonly issuer: string;
  /** The catalog credential the award was found to be, if any. */
  readonly credential?: Credential | Program;
}

/**
 * The unit of external credits, never assumed silently (SPEC section 7): the unit the credential
 * states; else the one `settings.issuerUnits` gives the issuer; else the catalog credential's; else
 * the catalog unit when the issuer is the institution itself; else `settings.defaultExternalUnit`.
 * Past all of these the credits keep the catalog unit and a `unit-assumed` notice says so.
 */
export function creditsWithUnit(
  catalog: Catalog,
  found: FoundCredits,
  notices: ConversionNotice[],
): { readonly value: number; readonly unit: string } {
  const { settings } = catalog;
  const unit =
    found.unit ??
    ownValue(settings.issuerUnits, found.issuer) ??
    (found.credential?.credits ? (found.credential.credits.unit ?? settings.unit) : undefined) ??
    (found.issuer === catalog.institution.id ? settings.unit : undefined) ??
    settings.defaultExternalUnit;
  if (unit !== undefined) return { value: found.value, unit };
  notices.push({
    code: 'unit-assumed',
    award: found.award,
    credits: found.value,
    unit: settings.unit,
    issuer: found.issuer,
  });
  return { value: found.value, unit: settings.unit };
}
