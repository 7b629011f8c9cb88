"""``participatory.testing`` says which extra to install when hypothesis is missing."""

import subprocess
import sys


def test_importing_testing_without_hypothesis_names_the_extra():
    # sys.modules[name] = None makes any import of that name fail, as if not installed.
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import participatory.testing\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error.name, '|', error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == (
        "hypothesis | participatory.testing needs hypothesis: pip install 'participatory[testing]'"
    )
