// PostgreSQL hands out change numbers in blocks of this many, from the sequence
// change_seq_blocks that migration 001 creates with this increment. Fixed for the life of a
// store: a different increment would need a migration that alters the sequence.
export const CHANGE_BLOCK = 1024;
