import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '#platform';
import type { Member } from './member.entity.js';

/** The fields of a member that are personal data: only some readers see them. */
export const PERSONAL_FIELDS = ['email', 'registrationRegister', 'registrationNumber'] as const;

/** A member as a reader who may not see their personal data gets them. */
export type MemberWithoutPersonalData = Omit<Member, (typeof PERSONAL_FIELDS)[number]>;

export function withoutPersonalData(member: Member): MemberWithoutPersonalData {
  const {
    email: _email,
    registrationRegister: _register,
    registrationNumber: _number,
    ...rest
  } = member;
  return rest;
}

/**
 * Who may read a member's e-mail address and professional registration. The answer depends on
 * seats, which appointments know and members do not, so members ask through this port and the
 * appointments feature provides it (PersonalDataModule).
 */
export abstract class PersonalDataPolicy {
  /** The members among `memberIds` whose personal data `reader` may see. */
  abstract visibleTo(reader: Principal, memberIds: readonly string[]): Promise<Set<string>>;

  /**
   * A condition on the member aliased `alias` in `builder`: true where `reader` may see the
   * member's personal data (it sets the parameters it needs on `builder`).
   */
  abstract visibleCondition<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    alias: string,
    reader: Principal,
  ): string;
}
