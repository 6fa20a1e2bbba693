"""Convolution and pooling ops. (JAX)"""
import jax
import jax.numpy as jnp
