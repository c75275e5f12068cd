from conan import ConanFile
from conan.tools.files import copy
from conan.tools.layout import basic_layout
import os
import re


class StripeConnectConan(ConanFile):
    name = "stripe_connect"
    license = "MIT"
    description = "Header-only C++17 SDK for Stripe Connect onboarding"
    topics = ("stripe", "payments", "connect", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_curl": [True, False], "with_webhook": [True, False]}
    default_options = {"with_curl": True, "with_webhook": True}
    no_copy_source = True

    def set_version(self):
        # The one version number lives in include/stripe/version.hpp.
        header = os.path.join(self.recipe_folder, "..", "..", "include", "stripe", "version.hpp")
        with open(header) as f:
            self.version = re.search(r'#define STRIPE_CONNECT_VERSION "([^"]+)"', f.read()).group(1)

    def export_sources(self):
        # The recipe lives in packaging/conan; the sources are the repository root.
        root = os.path.join(self.recipe_folder, "..", "..")
        copy(self, "include/*", root, self.export_sources_folder)
        copy(self, "LICENSE", root, self.export_sources_folder)

    def requirements(self):
        self.requires("nlohmann_json/3.11.2", transitive_headers=True)
        if self.options.with_curl:
            self.requires("libcurl/[>=7.78 <9]", transitive_headers=True)
        if self.options.with_webhook:
            self.requires("openssl/[>=1.1 <4]", transitive_headers=True)

    def layout(self):
        basic_layout(self, src_folder=".")

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"), os.path.join(self.package_folder, "include"))

    def package_id(self):
        # Header-only: one package serves every configuration; the options only select
        # dependencies.
        self.info.clear()

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "stripe_connect")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        core = self.cpp_info.components["core"]
        core.set_property("cmake_target_name", "stripe_connect::stripe_connect")
        core.requires = ["nlohmann_json::nlohmann_json"]
        if self.options.with_curl:
            curl = self.cpp_info.components["curl"]
            curl.set_property("cmake_target_name", "stripe_connect::curl")
            curl.requires = ["core", "libcurl::libcurl"]
            curl.defines = ["STRIPE_CONNECT_HAS_CURL=1"]
        if self.options.with_webhook:
            webhook = self.cpp_info.components["webhook"]
            webhook.set_property("cmake_target_name", "stripe_connect::webhook")
            webhook.requires = ["core", "openssl::crypto"]
