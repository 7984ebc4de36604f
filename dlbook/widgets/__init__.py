"""The book's interactive figures. Each widget splits a pure function that computes what to
draw (tested without a browser) from a view that wires controls to it and updates the
figure's artists in place.

    explore_activations()   f and f' of an activation, its tangent, where gradients vanish
"""

from .activation_explorer import ActivationExplorer, activation_curves, explore_activations

__all__ = ["ActivationExplorer", "activation_curves", "explore_activations"]
