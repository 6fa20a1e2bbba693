"""Connectionist temporal classification: loss and decoding. (JAX)"""
import jax
import jax.numpy as jnp
