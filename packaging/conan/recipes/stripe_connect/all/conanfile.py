import os

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, get
from conan.tools.layout import basic_layout
from conan.tools.scm import Version

required_conan_version = ">=2.0.9"


class StripeConnectConan(ConanFile):
    name = "stripe_connect"
    description = "Header-only C++17 SDK for Stripe Connect onboarding: typed accounts and account links, " \
                  "retries, idempotency, webhook verification and an offline simulator"
    license = "MIT"
    url = "https://github.com/conan-io/conan-center-index"
    homepage = "https://github.com/stripe-connect-cpp/stripe_connect"
    topics = ("stripe", "payments", "stripe-connect", "onboarding", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "with_curl": [True, False],
        "with_webhook": [True, False],
        "with_testing": [True, False],
    }
    default_options = {
        "with_curl": True,
        "with_webhook": True,
        "with_testing": False,
    }
    no_copy_source = True

    @property
    def _min_cppstd(self):
        return 17

    @property
    def _compilers_minimum_version(self):
        return {"gcc": "8", "clang": "7", "apple-clang": "12", "msvc": "192"}

    def layout(self):
        basic_layout(self, src_folder="src")

    def requirements(self):
        # Public headers include these: consumers compile against them.
        self.requires("nlohmann_json/3.11.3", transitive_headers=True)
        if self.options.with_curl:
            self.requires("libcurl/[>=7.78 <9]", transitive_headers=True)
        if self.options.with_webhook:
            self.requires("openssl/[>=1.1 <4]", transitive_headers=True)

    def package_id(self):
        # One package serves every configuration and option set: the headers are the same, the
        # options only choose dependencies and components.
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, self._min_cppstd)
        minimum_version = self._compilers_minimum_version.get(str(self.settings.compiler), False)
        if minimum_version and Version(self.settings.compiler.version) < minimum_version:
            raise ConanInvalidConfiguration(
                f"{self.ref} requires C++{self._min_cppstd}, which your compiler does not support.")
        if self.options.with_testing and not self.options.with_webhook:
            raise ConanInvalidConfiguration(
                f"{self.ref}: with_testing (the simulator) needs with_webhook: it signs webhook deliveries")

    def source(self):
        get(self, **self.conan_data["sources"][self.version], strip_root=True)

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"), os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The components are the CMake targets and pkg-config modules of the project's own
        # install. The aggregate target gets its own name, so that stripe_connect::stripe_connect
        # is the core alone and does not bring libcurl or OpenSSL.
        self.cpp_info.set_property("cmake_file_name", "stripe_connect")
        self.cpp_info.set_property("cmake_target_name", "stripe_connect::all")
        self.cpp_info.set_property("pkg_config_name", "stripe_connect_all")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []

        def component(name, target, pkg_config, requires):
            c = self.cpp_info.components[name]
            c.set_property("cmake_target_name", target)
            c.set_property("pkg_config_name", pkg_config)
            c.requires = requires
            c.bindirs = []
            c.libdirs = []
            return c

        component("core", "stripe_connect::stripe_connect", "stripe_connect", ["nlohmann_json::nlohmann_json"])
        if self.options.with_curl:
            curl = component("curl", "stripe_connect::curl", "stripe_connect_curl", ["core", "libcurl::curl"])
            curl.defines = ["STRIPE_CONNECT_HAS_CURL=1"]
        if self.options.with_webhook:
            component("webhook", "stripe_connect::webhook", "stripe_connect_webhook", ["core", "openssl::crypto"])
        if self.options.with_testing:
            component("testing", "stripe_connect::testing", "stripe_connect_testing", ["webhook"])
