#!/usr/bin/env python3
"""The conan recipe (packaging/conan/recipes/stripe_connect) under a stub of the conan 2 API.

Conan cannot be installed on our CI machines (no PyPI), so this imports the recipe with the
conan modules it uses replaced by small stubs that record what it asks for, and checks for
every option set: requirements, validate(), package_id(), and the components package_info()
declares (CMake targets, pkg-config names, requires). source() runs against the local release
archive (the stub get() checks the sha256 from conandata.yml, as conan does) and package()
copies from it. The test_package's CMake project is built against an install tree of every
option set by the package_vcpkg_* tests.

  conan_recipe_test.py --recipes DIR --archives DIR --version VERSION --work DIR
"""
import argparse
import fnmatch
import hashlib
import importlib.util
import itertools
import os
import re
import shutil
import sys
import tarfile
import types
import unittest

ARGS = None


# ---------------------------------------------------------------------------------------------
# The stub conan API: only what the recipe and its test_package use.

class ConanInvalidConfiguration(Exception):
    pass


class ConanException(Exception):
    pass


class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in re.findall(r"\d+", str(text)))

    def __lt__(self, other):
        return self.parts < Version(other).parts


class Setting(str):
    """A settings value that also has sub-settings (compiler.version, compiler.cppstd)."""

    def __new__(cls, value, **subs):
        s = super().__new__(cls, value)
        for k, v in subs.items():
            setattr(s, k, v)
        return s


class Settings:
    def __init__(self, compiler="gcc", version="12", cppstd="17"):
        self.os = Setting("Linux")
        self.arch = Setting("x86_64")
        self.build_type = Setting("Release")
        self.compiler = Setting(compiler, version=Setting(version), cppstd=Setting(cppstd) if cppstd else None)

    def get_safe(self, name):
        obj = self
        for part in name.split("."):
            obj = getattr(obj, part, None)
        return obj


class Options:
    def __init__(self, values):
        self.__dict__.update(values)


class CppInfo:
    def __init__(self):
        self.properties = {}
        self.requires = []
        self.defines = []
        self.bindirs = ["bin"]
        self.libdirs = ["lib"]
        self.includedirs = ["include"]
        self.components = {}

    def set_property(self, name, value):
        self.properties[name] = value

    def get_property(self, name):
        return self.properties.get(name)


class Components(dict):
    def __missing__(self, name):
        self[name] = CppInfo()
        return self[name]


class Info:
    cleared = False

    def clear(self):
        self.cleared = True


class ConanFile:
    """The base class the recipe derives from, reduced to attributes and recordings."""

    def __init__(self, options=None, settings=None, conan_data=None, version=None, folders=None):
        values = dict(getattr(self, "default_options", {}))
        values.update(options or {})
        self.options = Options(values)
        self.settings = settings or Settings()
        self.conan_data = conan_data
        self.version = version
        self.ref = f"{getattr(self, 'name', None)}/{version}"
        self.cpp_info = CppInfo()
        self.cpp_info.components = Components()
        self.info = Info()
        self.required = []
        self.min_cppstd_checked = None
        for k, v in (folders or {}).items():
            setattr(self, k, v)

    def requires(self, ref, **traits):
        self.required.append((ref, traits))


def check_min_cppstd(conanfile, cppstd):
    conanfile.min_cppstd_checked = int(cppstd)
    current = conanfile.settings.get_safe("compiler.cppstd")
    if current and int(str(current).replace("gnu", "")) < int(cppstd):
        raise ConanInvalidConfiguration(f"Current cppstd ({current}) is lower than the required C++ standard ({cppstd}).")


def can_run(conanfile):
    return True


def copy(conanfile, pattern, src, dst, keep_path=True):
    copied = []
    for dirpath, _, files in os.walk(src):
        for f in files:
            rel = os.path.relpath(os.path.join(dirpath, f), src)
            if fnmatch.fnmatch(rel, pattern):
                target = os.path.join(dst, rel if keep_path else f)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(os.path.join(dirpath, f), target)
                copied.append(target)
    return copied


def get(conanfile, url, md5=None, sha1=None, sha256=None, destination=".", strip_root=False, **_):
    """Downloads by taking the release archive GitHub would serve for url from --archives."""
    if not sha256:
        raise ConanException(f"no sha256 for {url}: conan-center requires a checksum")
    m = re.fullmatch(r"https://github\.com/[^/]+/([^/]+)/archive/refs/tags/v([^/]+)\.tar\.gz", url)
    if not m:
        raise ConanException(f"not a GitHub tag archive URL: {url}")
    archive = os.path.join(ARGS.archives, f"{m.group(1)}-{m.group(2)}.tar.gz")
    with open(archive, "rb") as f:
        actual = hashlib.sha256(f.read()).hexdigest()
    if actual != sha256:
        raise ConanException(f"sha256 signature failed for '{archive}' file.\n Provided signature: {sha256}\n"
                             f" Computed signature: {actual}")
    out = os.path.join(conanfile.source_folder, destination)
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if strip_root:
                parts = member.name.split("/", 1)
                if len(parts) < 2 or not parts[1]:
                    continue
                member.name = parts[1]
            tar.extract(member, out)


def basic_layout(conanfile, src_folder="."):
    conanfile.layout_src_folder = src_folder


def cmake_layout(conanfile, src_folder="."):
    conanfile.layout_src_folder = src_folder


class CMake:
    def __init__(self, conanfile):
        pass


def install_stub_conan():
    modules = {
        "conan": {"ConanFile": ConanFile},
        "conan.errors": {"ConanInvalidConfiguration": ConanInvalidConfiguration, "ConanException": ConanException},
        "conan.tools": {},
        "conan.tools.build": {"check_min_cppstd": check_min_cppstd, "can_run": can_run},
        "conan.tools.files": {"copy": copy, "get": get},
        "conan.tools.layout": {"basic_layout": basic_layout},
        "conan.tools.scm": {"Version": Version},
        "conan.tools.cmake": {"CMake": CMake, "cmake_layout": cmake_layout},
    }
    for name, attrs in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        sys.modules[name] = module


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_yaml_versions(path, section):
    """The `"VERSION":` entries of a conan-center yml file, with their key: value lines."""
    entries, current = {}, None
    in_section = False
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                in_section = line == f"{section}:"
                continue
            if not in_section:
                continue
            m = re.fullmatch(r'  "([^"]+)":', line)
            if m:
                current = entries.setdefault(m.group(1), {})
                continue
            m = re.fullmatch(r'    (\w+): "?([^"]*)"?', line)
            if m and current is not None:
                current[m.group(1)] = m.group(2)
    return entries


# ---------------------------------------------------------------------------------------------

OPTION_NAMES = ("with_curl", "with_webhook", "with_testing")


def option_sets(valid=True):
    for values in itertools.product([True, False], repeat=3):
        o = dict(zip(OPTION_NAMES, values))
        if (not o["with_testing"] or o["with_webhook"]) == valid:
            yield o


class RecipeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        install_stub_conan()
        cls.all_dir = os.path.join(ARGS.recipes, "all")
        cls.module = load(os.path.join(cls.all_dir, "conanfile.py"), "stripe_connect_recipe")
        cls.recipe = cls.module.StripeConnectConan
        cls.sources = read_yaml_versions(os.path.join(cls.all_dir, "conandata.yml"), "sources")
        cls.conan_data = {"sources": cls.sources}

    def make(self, options=None, **settings):
        return self.recipe(options=options, settings=Settings(**settings), conan_data=self.conan_data,
                           version=ARGS.version)

    def test_layout_and_metadata_are_conan_center_shaped(self):
        versions = read_yaml_versions(os.path.join(ARGS.recipes, "config.yml"), "versions")
        self.assertEqual(versions[ARGS.version], {"folder": "all"})
        source = self.sources[ARGS.version]
        self.assertRegex(source["url"], r"^https://github\.com/stripe-connect-cpp/stripe_connect/archive/refs/tags/v")
        self.assertRegex(source["sha256"], r"^[0-9a-f]{64}$")
        for d in ("test_package",):
            self.assertTrue(os.path.isdir(os.path.join(self.all_dir, d)), d)
        self.assertRegex(self.module.required_conan_version, r"^>=2\.\d+")
        r = self.recipe
        self.assertEqual(r.name, "stripe_connect")
        self.assertEqual(r.license, "MIT")
        self.assertEqual(r.url, "https://github.com/conan-io/conan-center-index")
        self.assertTrue(r.homepage.startswith("https://github.com/stripe-connect-cpp/stripe_connect"))
        self.assertTrue(r.description and r.topics)
        self.assertEqual(r.package_type, "header-library")
        self.assertTrue(r.no_copy_source)
        self.assertEqual(set(r.options), set(OPTION_NAMES))
        # Sources come from conandata.yml, the version from the command line: nothing is read
        # from outside the recipe folder.
        for attr in ("set_version", "export_sources", "exports_sources", "exports"):
            self.assertFalse(hasattr(r, attr), attr)

    def test_requirements_follow_the_options(self):
        for o in option_sets():
            with self.subTest(**o):
                c = self.make(o)
                c.requirements()
                names = {ref.split("/")[0]: traits for ref, traits in c.required}
                expected = {"nlohmann_json"} | ({"libcurl"} if o["with_curl"] else set()) | (
                    {"openssl"} if o["with_webhook"] else set())
                self.assertEqual(set(names), expected)
                for traits in names.values():
                    self.assertTrue(traits.get("transitive_headers"), "public headers include every requirement")

    def test_components_per_option_set(self):
        for o in option_sets():
            with self.subTest(**o):
                c = self.make(o)
                c.requirements()
                c.package_info()
                comps = c.cpp_info.components
                expected = {"core"} | {name[5:] for name in OPTION_NAMES if o[name]}
                self.assertEqual(set(comps), expected)
                # The aggregate target must not be the core's name, or core users get everything.
                self.assertEqual(c.cpp_info.get_property("cmake_file_name"), "stripe_connect")
                root_target = c.cpp_info.get_property("cmake_target_name")
                self.assertNotIn(root_target, {comp.get_property("cmake_target_name") for comp in comps.values()})
                self.assertEqual(comps["core"].get_property("cmake_target_name"), "stripe_connect::stripe_connect")
                self.assertEqual(comps["core"].get_property("pkg_config_name"), "stripe_connect")
                for name, comp in comps.items():
                    if name != "core":  # the names of the project's own install (CMake and pkg-config)
                        self.assertEqual(comp.get_property("cmake_target_name"), f"stripe_connect::{name}")
                        self.assertEqual(comp.get_property("pkg_config_name"), f"stripe_connect_{name}")
                    self.assertEqual((comp.bindirs, comp.libdirs), ([], []), f"{name}: header-only")
                    for req in comp.requires:
                        if "::" in req:
                            self.assertIn(req.split("::")[0], [r.split("/")[0] for r, _ in c.required], req)
                        else:
                            self.assertIn(req, comps, f"{name} requires unknown component {req}")

                def closure(name):
                    out = set()
                    for req in comps[name].requires:
                        out.add(req)
                        if "::" not in req:
                            out |= closure(req)
                    return out

                self.assertEqual(closure("core"), {"nlohmann_json::nlohmann_json"})
                if o["with_curl"]:
                    self.assertIn("libcurl::curl", closure("curl"))
                    self.assertEqual(comps["curl"].defines, ["STRIPE_CONNECT_HAS_CURL=1"])
                if o["with_webhook"]:
                    self.assertIn("openssl::crypto", closure("webhook"))
                    self.assertNotIn("libcurl::curl", closure("webhook"))
                if o["with_testing"]:
                    self.assertIn("webhook", comps["testing"].requires)
                    self.assertIn("openssl::crypto", closure("testing"))

    def test_validate(self):
        for o in option_sets():
            with self.subTest(**o):
                c = self.make(o)
                c.validate()
                self.assertEqual(c.min_cppstd_checked, 17)
        for o in option_sets(valid=False):
            with self.subTest(**o), self.assertRaisesRegex(ConanInvalidConfiguration, "with_webhook"):
                self.make(o).validate()
        with self.assertRaises(ConanInvalidConfiguration):
            self.make(cppstd="14").validate()
        with self.assertRaises(ConanInvalidConfiguration):
            self.make(compiler="gcc", version="7", cppstd=None).validate()

    def test_package_id_is_cleared(self):
        c = self.make()
        c.package_id()
        self.assertTrue(c.info.cleared)

    def test_source_and_package_from_the_release_archive(self):
        work = ARGS.work
        shutil.rmtree(work, ignore_errors=True)
        folders = {"source_folder": os.path.join(work, "src"), "package_folder": os.path.join(work, "p")}
        c = self.recipe(conan_data=self.conan_data, version=ARGS.version, folders=folders)
        c.layout()
        self.assertEqual(c.layout_src_folder, "src")
        c.source()
        c.build()
        c.package()
        packaged = sorted(os.path.relpath(os.path.join(d, f), folders["package_folder"])
                          for d, _, files in os.walk(folders["package_folder"]) for f in files)
        headers = sorted(os.path.relpath(os.path.join(d, f), folders["source_folder"])
                         for d, _, files in os.walk(os.path.join(folders["source_folder"], "include"))
                         for f in files if f.endswith(".hpp"))
        # One package for every option set (package_id is cleared): every header, the license,
        # nothing else.
        self.assertEqual(packaged, sorted(headers + ["licenses/LICENSE"]))
        self.assertIn("include/stripe/connect.hpp", packaged)
        with open(os.path.join(folders["package_folder"], "include/stripe/version.hpp")) as f:
            self.assertIn(f'"{ARGS.version}"', f.read())

    def test_source_refuses_an_archive_with_another_hash(self):
        bad = {"sources": {ARGS.version: dict(self.sources[ARGS.version], sha256="0" * 64)}}
        c = self.recipe(conan_data=bad, version=ARGS.version, folders={"source_folder": os.path.join(ARGS.work, "bad")})
        with self.assertRaisesRegex(ConanException, "sha256 signature failed"):
            c.source()

    def test_test_package_recipe(self):
        module = load(os.path.join(self.all_dir, "test_package", "conanfile.py"), "stripe_connect_test_package")
        t = module.TestPackageConan
        self.assertEqual(t.test_type, "explicit")
        self.assertIn("CMakeDeps", t.generators)
        self.assertIn("CMakeToolchain", t.generators)
        c = t()
        c.tested_reference_str = f"stripe_connect/{ARGS.version}"
        c.requirements()
        self.assertEqual([ref for ref, _ in c.required], [f"stripe_connect/{ARGS.version}"])
        with open(os.path.join(self.all_dir, "test_package", "CMakeLists.txt")) as f:
            cmake = f.read()
        # Every option set: no component is required at find_package time.
        self.assertNotIn("COMPONENTS", cmake)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--recipes", required=True)
    p.add_argument("--archives", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--work", required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
