"""Multi-backend Keras's `keras.backend.tensorflow_backend` module, for `from keras.backend.tensorflow_backend
import set_session`."""
from kerax.backend.session import get_session, set_session

__all__ = ["get_session", "set_session"]
