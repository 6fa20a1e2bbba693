"""Recurrent ops: a compiled loop over time steps. (JAX)"""
import jax
import jax.numpy as jnp
