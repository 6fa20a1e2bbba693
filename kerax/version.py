__version__ = "0.1.0"


def version():
    """The kerax version, as `keras.version()` gives Keras's."""
    return __version__
