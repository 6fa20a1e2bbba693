"""kerax.models: Model, Sequential, clone_model, and reading/writing them (`load_model`,
`model_from_json`, ...)."""
from kerax import backend as _backend
from kerax.layers import Input as _Input
from kerax.models.cloning import clone_model
from kerax.models.functional import Functional
from kerax.models.model import Model
from kerax.models.sequential import Sequential
from kerax.ops.symbolic import SymbolicOp as _SymbolicOp
from kerax.saving import layer_registry
from kerax.saving.json_format import model_from_config, model_from_json, model_from_yaml
from kerax.saving.saving_api import load_model, save_model

layer_registry.register_model_classes(Model, Functional, Sequential)
_backend.register_graph_builders(functional=Functional, input_tensor=_Input, symbolic_op=_SymbolicOp)
