from kerax.layers.attention.attention import Attention
from kerax.layers.attention.multi_head_attention import MultiHeadAttention
