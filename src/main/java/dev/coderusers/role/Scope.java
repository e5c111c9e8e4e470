package dev.coderusers.role;

/** Which targets a grant reaches. */
public enum Scope {
    /** Only what belongs to the subject itself (its own user, its keys, its secrets). */
    SELF,
    /** What belongs to an organization in which the subject holds the role (or is a member, for site roles). */
    ORGANIZATION,
    /** Everything of the type, site-wide. */
    ALL
}
