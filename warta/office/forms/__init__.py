"""Forms of the staff workspace. They only read and check what was typed; services do the writing."""
