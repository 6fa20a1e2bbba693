"""kerax: the Keras API on JAX. `import kerax as keras`."""
from kerax import backend, ops, random, saving
from kerax.version import __version__
