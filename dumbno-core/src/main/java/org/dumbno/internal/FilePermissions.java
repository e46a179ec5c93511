package org.dumbno.internal;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Who may read a file holding a secret. */
public final class FilePermissions {
    private FilePermissions() {
    }

    /**
     * Whether someone besides the file's owner and the group this process runs as may read
     * {@code file}: others may, or its group may and is another group. A file of mode 0640 whose
     * group is the service's own (the package's {@code /etc/dumbno/dumbno.cfg}, root:dumbno) is
     * not shared. False where POSIX permissions do not exist.
     */
    public static boolean readableByOthers(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return true;
        }
        return permissions.contains(PosixFilePermission.GROUP_READ) && !isOwnGroup(file);
    }

    private static boolean isOwnGroup(Path file) throws IOException {
        Object gid;
        try {
            gid = Files.getAttribute(file, "unix:gid");
        } catch (UnsupportedOperationException e) {
            return false;
        }
        return gid instanceof Integer number && number == new UnixSystem().getGid();
    }
}
