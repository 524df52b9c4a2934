"""Warta: runs a public body's duty to announce public information (UU 14/2008)."""

__version__ = "0.1.0"
