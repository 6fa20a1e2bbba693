"""kerax.random: seeded random numbers and the SeedGenerator that layers such as Dropout own."""
from kerax.random.random import beta, gamma, normal, randint, shuffle, truncated_normal, uniform
from kerax.random.seed_generator import SeedGenerator, draw_seed, fresh_seed, set_global_seed
