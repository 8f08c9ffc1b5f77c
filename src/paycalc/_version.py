"""paycalc's version: a leaf module, so any part can name it without importing the package's API."""

__version__ = "0.1.0"
