from kerax.layers.core.activation import Activation
from kerax.layers.core.dense import Dense
from kerax.layers.core.dropout import Dropout
from kerax.layers.core.einsum_dense import EinsumDense
from kerax.layers.core.embedding import Embedding
from kerax.layers.core.flatten import Flatten
from kerax.layers.core.flax_layer import FlaxLayer
from kerax.layers.core.identity import Identity
from kerax.layers.core.input_layer import Input, InputLayer
from kerax.layers.core.jax_layer import JaxLayer
from kerax.layers.core.lambda_layer import Lambda
from kerax.layers.core.masking import Masking
from kerax.layers.core.reshape import Reshape
from kerax.layers.core.reversible_embedding import ReversibleEmbedding
from kerax.layers.core.wrapper import Wrapper
