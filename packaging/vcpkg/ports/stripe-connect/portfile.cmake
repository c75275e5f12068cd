# Header-only: release only, nothing to build, no libraries.
set(VCPKG_BUILD_TYPE release)

# scripts/release.sh writes SHA512 for each release: the hash of the tag's GitHub archive.
vcpkg_from_github(
  OUT_SOURCE_PATH SOURCE_PATH
  REPO stripe-connect-cpp/stripe_connect
  REF "v${VERSION}"
  SHA512 0
  HEAD_REF main
)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    curl    STRIPE_CONNECT_WITH_CURL
    webhook STRIPE_CONNECT_WITH_WEBHOOK
    testing STRIPE_CONNECT_WITH_TESTING
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DSTRIPE_CONNECT_BUILD_TESTS=OFF
    -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF
    -DSTRIPE_CONNECT_BUILD_SIM_SERVER=OFF
    -DSTRIPE_CONNECT_INSTALL=ON
    -DSTRIPE_CONNECT_INSTALL_DOCS=OFF
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME stripe_connect CONFIG_PATH share/stripe_connect)
vcpkg_fixup_pkgconfig()

vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")

# The usage names only the components this build installed.
set(components "")
set(targets "stripe_connect::stripe_connect")
foreach(feature IN ITEMS curl webhook)
  if(feature IN_LIST FEATURES)
    string(APPEND components " ${feature}")
    string(APPEND targets " stripe_connect::${feature}")
  endif()
endforeach()
set(tests "")
if("testing" IN_LIST FEATURES)
  string(APPEND components " testing")
  set(tests "  target_link_libraries(main_tests PRIVATE stripe_connect::testing)  # the simulator\n")
endif()
if(components)
  set(components " COMPONENTS${components}")
endif()
file(WRITE "${CURRENT_PACKAGES_DIR}/share/${PORT}/usage"
  "stripe-connect provides CMake targets:\n\n"
  "  find_package(stripe_connect CONFIG REQUIRED${components})\n"
  "  target_link_libraries(main PRIVATE ${targets})\n"
  "${tests}")
