"""Test scaffolding shared by the suites: storage backends, the web app over them."""
