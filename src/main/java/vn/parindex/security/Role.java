package vn.parindex.security;

/** What a person may do in the tracker. */
public enum Role {
    /** Home Affairs staff (Phòng Nội vụ): everything. */
    ADMIN,
    /** Head of one unit (thủ trưởng đơn vị): reports on the criteria the unit leads. */
    UNIT_HEAD,
    /** District leadership (lãnh đạo huyện): sees everything, changes nothing. */
    LEADER,
    /**
     * The province's Home Affairs (Sở Nội vụ): an account of no body that sees every body and, in the body it
     * chooses, may do what the body's Home Affairs may; creates bodies and their accounts.
     */
    PROVINCE
}
