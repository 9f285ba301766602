# CPack for Windows, the seed's host: an NSIS installer and a WiX .msi with the console and
# the command line, the Qt runtime windeployqt gathers, Start menu and desktop shortcuts,
# and vmeclone on PATH. Included by host-package.cmake on WIN32 only; it is not built on
# the Linux CI, so keep it to documented CPack variables.

set(CPACK_GENERATOR "NSIS;WIX")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "vmeclone")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "vmeclone")
set(CPACK_PACKAGE_EXECUTABLES "vmeclone-console" "vmeclone console")
set(CPACK_CREATE_DESKTOP_LINKS "vmeclone-console")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")

# Qt's DLLs and plugins (platforms/qwindows, sqldrivers/qsqlite, imageformats) next to the
# programs, into the same component as the programs themselves.
if(TARGET vmeclone-console AND COMMAND qt_generate_deploy_app_script)
  qt_generate_deploy_app_script(TARGET vmeclone-console FILENAME_VARIABLE vmeclone_deploy_script
                                NO_UNSUPPORTED_PLATFORM_ERROR)
  install(SCRIPT "${vmeclone_deploy_script}")
endif()

# --- NSIS ----------------------------------------------------------------------------------
set(CPACK_NSIS_PACKAGE_NAME "vmeclone ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "vmeclone")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/vmeclone.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/vmeclone.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\vmeclone-console.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# The command line from any prompt (the option is offered on the installer's page).
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "vmeclone-console.exe")
set(CPACK_NSIS_MENU_LINKS "share/doc/vmeclone/golden-image.md" "Preparing a golden image")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")

# --- WiX (.msi) ----------------------------------------------------------------------------
# Fixed for every version of the product: lets an .msi upgrade the one before it.
set(CPACK_WIX_UPGRADE_GUID "6F1C2B7E-3D4A-4E8B-9C5D-2A7F0B1E8C43")
set(CPACK_WIX_PRODUCT_ICON "${CMAKE_CURRENT_LIST_DIR}/vmeclone.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "vmeclone")
set(CPACK_WIX_CMAKE_PACKAGE_REGISTRY OFF)
# Adds bin to the system PATH, like NSIS' CPACK_NSIS_MODIFY_PATH.
set(CPACK_WIX_PATCH_FILE "${CMAKE_CURRENT_LIST_DIR}/wix-path.xml")
