"""kerax.models: Model, Sequential and (with the saving issue) model files."""
from kerax.models.functional import Functional
from kerax.models.model import Model
from kerax.models.sequential import Sequential
