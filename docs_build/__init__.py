"""PlanPress: publish anti-trafficking strategies and monitoring data as static sites."""

__version__ = "0.1.0"
