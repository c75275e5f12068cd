# Header-only: release only, no libraries. tests/package/package_test.cmake (MODE=vcpkg) runs
# the same configure, install and config fixup and checks the tree.
set(VCPKG_BUILD_TYPE release)

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
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DSTRIPE_CONNECT_BUILD_TESTS=OFF
    -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF
    -DSTRIPE_CONNECT_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME stripe_connect CONFIG_PATH share/stripe_connect)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/lib" "${CURRENT_PACKAGES_DIR}/debug")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
