<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressRange</name>
    <message>
        <location filename="../../core/net/address_range.cpp" line="+20"/>
        <source>(suffixes %1-%2)</source>
        <translation>（后缀 %1-%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; is not an IPv4 address: write four numbers 0-255, e.g. %2</source>
        <translation>“%1”不是 IPv4 地址：请写四个 0-255 的数，例如 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is outside %2: a range stays in one subnet %3</source>
        <translation>%1 不在 %2 内：一个地址段只能在一个子网里 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the network address of %2 %3</source>
        <translation>%1 是 %2 的网络地址 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the broadcast address of %2 %3</source>
        <translation>%1 是 %2 的广播地址 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a suffix or an address: write host numbers like %2 or %2-%3, or addresses like %4</source>
        <translation>“%1”既不是后缀也不是地址：请写主机号，如 %2 或 %2-%3，或地址，如 %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; is not a host of %2 %3</source>
        <translation>“%1”不是 %2 中的主机 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is the network address of %2 %3</source>
        <translation>“%1”是 %2 的网络地址 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is the broadcast address of %2 %3</source>
        <translation>“%1”是 %2 的广播地址 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; has a leading zero: write %2</source>
        <translation>“%1”有前导零：请写 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; has more than one &apos;-&apos;: write FIRST-LAST, e.g. %2-%3</source>
        <translation>“%1”含有多个“-”：请写 起始-结束，例如 %2-%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; lacks a number on one side of &apos;-&apos;: write FIRST-LAST, e.g. %2-%3</source>
        <translation>“%1”在“-”的一侧缺少数字：请写 起始-结束，例如 %2-%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; runs backwards: write %2-%3</source>
        <translation>“%1”顺序颠倒：请写 %2-%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; names %2 addresses, more than %3 at once: split it into smaller ranges</source>
        <translation>“%1”包含 %2 个地址，超过一次 %3 个的上限：请拆成更小的地址段</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>no subnet to read the range &apos;%1&apos; in: set the golden image&apos;s subnet first</source>
        <translation>没有可用来解读地址段“%1”的子网：请先设置母版镜像的子网</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the range is empty: write suffixes like %1-%2, or addresses like %3</source>
        <translation>地址段为空：请写后缀，如 %1-%2，或地址，如 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; has an empty part between commas: remove the extra &apos;,&apos;</source>
        <translation>“%1”的逗号之间有空项：请删去多余的“,”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;%1&apos; names %2 addresses, more than %3 at once: split it into smaller batches</source>
        <translation>“%1”包含 %2 个地址，超过一次 %3 个的上限：请拆成更小的批次</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 are %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>and %1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 are %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; </source>
        <comment>between the sentences of a refusal summary</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine.cpp" line="+418"/>
        <source>the name %1 would leave the shard %2</source>
        <translation>名称 %1 会超出磁盘分片 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../core/inventory/inventory.cpp" line="+643"/>
        <source>unavailable: the name %1 is in use</source>
        <translation>不可用：名称 %1 已被使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/inventory/inventory.cpp" line="-4"/>
        <source>unavailable: its MAC %1 is in use by %2</source>
        <translation>不可用：其 MAC %1 已被 %2 使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unavailable: the folder %1 exists already (another data folder&apos;s clone, or not vmeclone&apos;s): choose another shard or remove it</source>
        <translation>不可用：文件夹 %1 已存在（属于另一个数据文件夹的克隆，或不是 vmeclone 创建的）：请换一个磁盘分片或删除它</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="+155"/>
        <source>QEMU&apos;s host alias (where the guests reach the console)</source>
        <translation>QEMU 的主机别名（客户机经由它访问控制台）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU&apos;s DNS alias</source>
        <translation>QEMU 的 DNS 别名</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+171"/>
        <source>this host&apos;s address (where VMware guests reach the console)</source>
        <translation>本机地址（VMware 客户机经由它访问控制台）</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="-603"/>
        <source>in use by %1</source>
        <translation>已被 %1 占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <location line="+610"/>
        <source>the folder %1 is in use by %2</source>
        <translation>文件夹 %1 已被 %2 使用</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+104"/>
        <location filename="../../core/cluster/cluster_head.cpp" line="+243"/>
        <source>the golden image %1&apos;s own address</source>
        <translation>母版镜像 %1 自己的地址</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>in use by %1 on host %2</source>
        <translation>已被主机 %2 上的 %1 占用</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="+139"/>
        <source>in use by %1 on host %2 (golden %3)</source>
        <translation>已被主机 %2 上的 %1 占用（母版 %3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unavailable: its MAC %1 is in use by %2 on host %3</source>
        <translation>不可用：其 MAC %1 已被主机 %3 上的 %2 使用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>in use by %1 on this machine</source>
        <translation>已被本机上的 %1 占用</translation>
    </message>
    <message>
        <location filename="../../core/placement/placement.cpp" line="+118"/>
        <source>no disk shard: add one with &apos;vmeclone shard add DIR&apos;</source>
        <translation>没有磁盘分片：请用“vmeclone shard add 目录”添加一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no usable disk shard: %1; fix one, or add one with &apos;vmeclone shard add DIR&apos;</source>
        <translation>没有可用的磁盘分片：%1；请修复其中一个，或用“vmeclone shard add 目录”添加一个</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>needs %1 but no disk shard has that much above its reserve; the most room is on %2: %3 (%4 free, %5 kept in reserve)</source>
        <translation>需要 %1，但没有磁盘分片在保留空间之外还有这么多；空间最多的是 %2：%3（可用 %4，保留 %5）</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+138"/>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
</context>
<context>
    <name>GoldenRules</name>
    <message>
        <location filename="../../core/engine/golden_rules.cpp" line="+27"/>
        <source>no golden image given: give its machine description (.json) or .vmx</source>
        <translation>未给出母版镜像：请给出其机器描述 (.json) 或 .vmx</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not exist: give the golden&apos;s machine description (.json) or .vmx</source>
        <translation>%1 不存在：请给出母版的机器描述 (.json) 或 .vmx</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden&apos;s path contains control characters: move it to a folder with a plain name</source>
        <translation>母版的路径含有控制字符：请把它移到名称普通的文件夹中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is neither a QEMU machine description (.json) nor a VMware .vmx</source>
        <translation>%1 既不是 QEMU 机器描述 (.json)，也不是 VMware .vmx</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the suffix &apos;%1&apos; is not a number (a host number like 176)</source>
        <translation>后缀“%1”不是数字（应为主机号，如 176）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>from its description</source>
        <translation>取自其描述</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>as given</source>
        <translation>按所填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden %1 has no name: give it one</source>
        <translation>母版 %1 没有名称：请给它起一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden&apos;s name (%1) contains control characters (newlines, terminal escapes): give it a plain name</source>
        <translation>母版的名称（%1）含有控制字符（换行、终端转义）：请改用普通名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the golden&apos;s name (%1) is longer than %2 characters: give it a shorter one</source>
        <translation>母版的名称（%1）超过 %2 个字符：请改短一些</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the name prefix &apos;%1&apos; cannot name folders: use up to 32 letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or a digit</source>
        <translation>名称前缀“%1”不能用作文件夹名：最多 32 个字母、数字、“-”、“_”和“.”，且以字母或数字开头</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the subnet cannot be read: </source>
        <translation>无法读取子网：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the golden %1 does not say its subnet: give it, e.g. 192.168.1.0/24</source>
        <translation>母版 %1 未写明其子网：请填写，例如 192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the golden %1 does not say its own address: give its suffix, its host number such as 176</source>
        <translation>母版 %1 未写明自己的地址：请填写其后缀，即主机号，如 176</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the suffix %1 %2is not a host of %3 (suffixes 1-%4)</source>
        <translation>后缀 %1 %2不是 %3 中的主机（后缀范围 1-%4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(from its description) </source>
        <translation>（取自其描述）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the gateway %1 is not an IPv4 address</source>
        <translation>网关 %1 不是 IPv4 地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway %1 is not a host address of %2</source>
        <translation>网关 %1 不是 %2 中的主机地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the gateway %1 is the golden&apos;s own address: give the router&apos;s</source>
        <translation>网关 %1 是母版自己的地址：请填写路由器的地址</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the name server &apos;%1&apos; is not an IPv4 address: give name servers as IP[,IP...]</source>
        <translation>DNS 服务器“%1”不是 IPv4 地址：请按 IP[,IP...] 填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most %1 name servers (what the guests&apos; resolv.conf uses)</source>
        <translation>最多 %1 个 DNS 服务器（客户机的 resolv.conf 只用这么多）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the console address %1 is not an IPv4 address</source>
        <translation>控制台地址 %1 不是 IPv4 地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the console address %1 is the golden&apos;s own address: give this host&apos;s address on the VMs&apos; network</source>
        <translation>控制台地址 %1 是母版自己的地址：请填写本机在虚拟机网络上的地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the console address %1 is not a host address of %2</source>
        <translation>控制台地址 %1 不是 %2 中的主机地址</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the console address %1 is outside %2 and the golden has no gateway, so its clones could not reach it: give an address in %2, or a gateway</source>
        <translation>控制台地址 %1 不在 %2 内，且母版没有网关，克隆机将无法访问它：请填写 %2 内的地址，或填写网关</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>this host has %1 addresses in %2 (%3): VMware guests announce themselves to one of them; choose it as the console address</source>
        <translation>本机在 %2 中有 %1 个地址（%3）：VMware 客户机会向其中一个报告自身状态；请选择它作为控制台地址</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VMware guests announce themselves to this host: give its address on the VMs&apos; network as the console address%1</source>
        <translation>VMware 客户机会向本机报告自身状态：请填写本机在虚拟机网络上的地址作为控制台地址%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (this host has none in %1)</source>
        <translation>（本机在 %1 中没有地址）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the golden %1 has no network adapter: its clones would be given an address, a MAC and network settings for a NIC that does not exist, and could not announce themselves. Add a network adapter to the golden in VMware, or accept it without one</source>
        <translation>母版 %1 没有网卡：其克隆会为一块不存在的网卡分配地址、MAC 和网络设置，也无法报告自身状态。请在 VMware 中为母版添加网卡，或接受没有网卡的母版</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the golden %1: %2</source>
        <translation>母版 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>only a VMware golden has further NICs: a QEMU golden&apos;s clones have the one NIC vmeclone gives them</source>
        <translation>只有 VMware 母版才有更多网卡：QEMU 母版的克隆只有 vmeclone 给它们的那一块网卡</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; does not say a NIC&apos;s subnet: write ethernetN=CIDR (e.g. ethernet1=10.0.5.0/24), or ethernetN=none to leave it unconfigured</source>
        <translation>“%1”没有写明网卡的子网：请写 ethernetN=CIDR（例如 ethernet1=10.0.5.0/24），或写 ethernetN=none 表示不配置该网卡</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the golden %1 has no %2 after its first NIC (%3): give a present NIC other than the one the clone&apos;s address goes on</source>
        <translation>母版 %1 在第一块网卡之后没有 %2（%3）：请给出克隆地址所在网卡之外的一块现有网卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has no further NIC</source>
        <translation>它没有更多网卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its further NICs: %1</source>
        <translation>它的其他网卡：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is given twice: give each NIC one subnet</source>
        <translation>%1 被给出了两次：每块网卡只能有一个子网</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the subnet cannot be read: %2</source>
        <translation>%1：无法读取子网：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1&apos;s subnet %2 overlaps the golden&apos;s own %3: give the NIC a network of its own</source>
        <translation>%1 的子网 %2 与母版自己的 %3 重叠：请给该网卡一个独立的网络</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&apos;s subnet %2 is narrower than the golden&apos;s %3: a clone takes its own suffix there, so it must be /%4 or wider</source>
        <translation>%1 的子网 %2 比母版的 %3 窄：克隆在其中使用自己的后缀，因此它必须是 /%4 或更宽</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1&apos;s subnet %2 overlaps %3&apos;s %4: give each NIC a network of its own</source>
        <translation>%1 的子网 %2 与 %3 的 %4 重叠：请给每块网卡一个独立的网络</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the golden %1: no console address found: give this host&apos;s address on the VMs&apos; network</source>
        <translation>母版镜像 %1：未找到控制台地址：请填写本机在虚拟机网络上的地址</translation>
    </message>
</context>
<context>
    <name>LogText</name>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-43"/>
        <source>accelerator probe: %1</source>
        <translation>加速器探测：%1</translation>
    </message>
    <message>
        <location line="+352"/>
        <source>started %1 (pid %2)</source>
        <translation>已启动 %1（进程号 %2）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 ignored the power button for %2 ms: quitting QEMU</source>
        <translation>%1 在 %2 毫秒内没有响应电源按钮：正在退出 QEMU</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>killing QEMU of %1 (pid %2)</source>
        <translation>正在强行结束 %1 的 QEMU（进程号 %2）</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+100"/>
        <source>%1: %2 clone made in %3</source>
        <translation>%1：已在 %3 中创建 %2 克隆</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 names %3, which is not there: VMware makes %4 at the clone&apos;s first start</source>
        <translation>%1：%2 引用了不存在的 %3：VMware 会在克隆首次启动时创建 %4</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1: linked clone made by vmrun from the snapshot &quot;%2&quot; in %3</source>
        <translation>%1：vmrun 已从快照“%2”在 %3 中创建链接克隆</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>started %1</source>
        <translation>已启动 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>stopped %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+92"/>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+13"/>
        <location filename="../../core/cluster/cluster_listing.cpp" line="+86"/>
        <location line="+118"/>
        <location line="+8"/>
        <source>%1: the ledger: %2</source>
        <translation>%1：台账：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the ledger did not take the hosts&apos; outcomes: %1</source>
        <translation>台账没有记下各主机的结果：%1</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_listing.cpp" line="-55"/>
        <location line="+27"/>
        <source>the ledger: %1</source>
        <translation>台账：%1</translation>
    </message>
    <message>
        <location filename="../../core/cluster/golden_push.cpp" line="+185"/>
        <source>host %1: copying golden %2 to %3</source>
        <translation>主机 %1：正在把母版镜像 %2 复制到 %3</translation>
    </message>
    <message>
        <location filename="../../core/listener/announcement_listener.cpp" line="+95"/>
        <source>listening for announcements on %1</source>
        <translation>正在 %1 上监听通告</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>cannot read the goldens&apos; console addresses: %1</source>
        <translation>无法读取母版镜像的控制台地址：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the golden %1&apos;s console address %2 is not an address of this host: its guests cannot be heard here</source>
        <translation>母版镜像 %1 的控制台地址 %2 不是本机的地址：这里收不到它的客户机的通告</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no longer listening on %1:%2 (no golden&apos;s console address)</source>
        <translation>不再在 %1:%2 上监听（已不是任何母版镜像的控制台地址）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (the console address of the golden %2)</source>
        <translation>%1（母版镜像 %2 的控制台地址）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>listening for announcements on %1:%2 too (the console address of the golden %3)</source>
        <translation>也在 %1:%2 上监听通告（母版镜像 %3 的控制台地址）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot read the inventory&apos;s version: %1</source>
        <translation>无法读取清单的版本：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the VMs: %1</source>
        <translation>无法读取虚拟机：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+196"/>
        <source>cannot write %n announcement(s) to the inventory: %1</source>
        <translation>
            <numerusform>无法把 %n 条通告写入清单：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+25"/>
        <location line="+20"/>
        <source>%1: cannot log &apos;%2&apos;: %3</source>
        <translation>%1：无法记录“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_service.cpp" line="+150"/>
        <source>recovery: %1</source>
        <translation>恢复：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recovered %1: %2 (%3)</source>
        <translation>已恢复 %1：%2（%3）</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>cannot read the inventory: %1</source>
        <translation>无法读取清单：%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>batch %1: cannot open the engine: %2</source>
        <translation>批次 %1：无法打开引擎：%2</translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_support.cpp" line="+31"/>
        <source>%1: cannot read its change sequence: %2</source>
        <translation>%1：无法读取它的变更序号：%2</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_resume.cpp" line="+63"/>
        <source>%1 resumed from %2 in %3 ms</source>
        <translation>%1 已在 %3 毫秒内从 %2 恢复运行</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: an interrupted resume settled (its QEMU was %2)</source>
        <translation>%1：一次中断的恢复已处理完毕（它的 QEMU 当时的状态为 %2）</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmrun.cpp" line="+154"/>
        <source>vmrun %1 hung for %2 s: killed</source>
        <translation>vmrun %1 卡住了 %2 秒：已强行结束</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1: soft stop did not work (%2); stopping it hard</source>
        <translation>%1：软停止无效（%2）；改为强制停止</translation>
    </message>
    <message>
        <location filename="../../core/clone/qemu_img.cpp" line="+156"/>
        <source>%1 has leaked clusters (space only, data intact)</source>
        <translation>%1 有泄漏的簇（只占空间，数据完好）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/clone/disk_copier.cpp" line="+523"/>
        <source>copied %n file(s), %1 of data, in %2 ms</source>
        <translation>
            <numerusform>已复制 %n 个文件，%1 数据，用时 %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="+295"/>
        <source>not removing %1: it is outside the folder of %2</source>
        <translation>不删除 %1：它在 %2 的文件夹之外</translation>
    </message>
    <message numerus="yes">
        <location line="+148"/>
        <source>full clone of %1 -&gt; %2 (%n file(s), CID %3) in %4 ms</source>
        <translation>
            <numerusform>完整克隆 %1 -&gt; %2（%n 个文件，CID %3），用时 %4 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is streamOptimized: QEMU reads it as a parent, VMware runs only disks converted from it</source>
        <translation>%1 是 streamOptimized 格式：QEMU 可把它当作父盘读取，VMware 只能运行由它转换来的磁盘</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>linked clone %1 over %2 (parent CID %3, CID %4) in %5 ms</source>
        <translation>在 %2 之上创建了链接克隆 %1（父 CID %3，CID %4），用时 %5 毫秒</translation>
    </message>
</context>
<context>
    <name>SshTransport</name>
    <message>
        <location filename="../../core/cluster/ssh_transport.cpp" line="+136"/>
        <source>%1 port %2</source>
        <translation>%1 端口 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 (%2)</source>
        <translation>主机 %1（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot run the ssh client &apos;%2&apos;: %3 (install openssh-client, or name the program in VMECLONE_SSH)</source>
        <translation>%1：无法运行 ssh 客户端“%2”：%3（请安装 openssh-client，或在 VMECLONE_SSH 中指定程序）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no answer within %2 s (ssh connected, but &apos;%3&apos; there did not finish)</source>
        <translation>%1：%2 秒内没有应答（ssh 已连接，但那里的“%3”没有结束）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the ssh client stopped: %2</source>
        <translation>%1：ssh 客户端意外停止：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: vmeclone is not installed there: &apos;%2&apos; was not found (%3). Install vmeclone on it, or say where it is there</source>
        <translation>%1：那里没有安装 vmeclone：找不到“%2”（%3）。请在该主机上安装 vmeclone，或指明它在那里的位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &apos;%2&apos; there cannot be run (%3): check that it is vmeclone and executable</source>
        <translation>%1：那里的“%2”无法运行（%3）：请检查它是否为 vmeclone 且可执行</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>no message</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>%1: vmeclone there failed (exit %2): %3</source>
        <translation>%1：那里的 vmeclone 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: its host key has CHANGED since it was recorded in your known_hosts. Someone may be intercepting the connection, or the host was reinstalled: find out which from its administrator before you trust the new key. vmeclone does not connect to it until then</source>
        <translation>%1：它的主机密钥自记录在 known_hosts 中以来已经改变。可能有人在截取连接，也可能该主机被重装：请先向其管理员确认是哪一种，再信任新密钥。在此之前 vmeclone 不会连接它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: its host key is not known: check it and add it with `%2` or connect once with `%3`</source>
        <translation>%1：它的主机密钥未知：请核对后用 `%2` 添加，或用 `%3` 连接一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the login was refused (%2): install your key with `ssh-copy-id%3%4 %5`, or load it into your agent</source>
        <translation>%1：登录被拒绝（%2）：请用 `ssh-copy-id%3%4 %5` 安装你的密钥，或把它加载到你的 ssh-agent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is unreachable: connection refused (no SSH server listens there)</source>
        <translation>%1无法访问：连接被拒绝（那里没有 SSH 服务器在监听）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is unreachable: the connection timed out after %2 s</source>
        <translation>%1无法访问：连接在 %2 秒后超时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1无法访问：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: its name cannot be resolved: %2</source>
        <translation>%1：无法解析它的名称：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: ssh failed: %2</source>
        <translation>%1：ssh 失败：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/console_main.cpp" line="+213"/>
        <location line="+20"/>
        <source>vmeclone console</source>
        <translation>vmeclone 控制台</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1; relying on the process that listens there</source>
        <translation>%1；改为依靠在那里监听的进程</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>vmeclone console %1: data folder %2, announcements on port %3</source>
        <translation>vmeclone 控制台 %1：数据文件夹 %2，在端口 %3 接收通告</translation>
    </message>
</context>
<context>
    <name>vmeclone::AddGoldenDialog</name>
    <message>
        <location filename="../../ui/add_golden_dialog.cpp" line="+28"/>
        <source>Add golden image</source>
        <translation>添加母版镜像</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a QEMU machine description (.json) or a VMware .vmx</source>
        <translation>QEMU 机器描述 (.json) 或 VMware .vmx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览…(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the golden&apos;s file</source>
        <translation>取自母版文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the golden&apos;s file, e.g. 176</source>
        <translation>取自母版文件，例如 176</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the golden&apos;s file, e.g. 192.168.1.0/24</source>
        <translation>取自母版文件，例如 192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none; up to 3, e.g. 192.168.1.1, 192.168.1.2</source>
        <translation>无；最多 3 个，例如 192.168.1.1, 192.168.1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware: this host&apos;s address on the VMs&apos; network</source>
        <translation>VMware：本机在虚拟机网络上的地址</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Golden &amp;image:</source>
        <translation>母版镜像(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its address &amp;suffix:</source>
        <translation>其地址后缀(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;bnet (CIDR):</source>
        <translation>子网 (CIDR)(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gateway:</source>
        <translation>网关(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DNS servers:</source>
        <translation>DNS 服务器(&amp;D)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Console address:</source>
        <translation>控制台地址(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further &amp;NICs:</source>
        <translation>其他网卡(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+83"/>
        <source>Golden image</source>
        <translation>母版镜像</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name prefix</source>
        <translation>名称前缀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address suffix</source>
        <translation>地址后缀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console address</source>
        <translation>控制台地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Further NICs</source>
        <translation>其他网卡</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Golden images (*.json *.vmx);;All files (*)</source>
        <translation>母版镜像 (*.json *.vmx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>name %1</source>
        <translation>名称 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subnet %1</source>
        <translation>子网 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>address %1 (suffix %2)</source>
        <translation>地址 %1（后缀 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>suffix %1</source>
        <translation>后缀 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The golden says: %1. Fill in a field only to change it.</source>
        <translation>母版文件中已写明：%1。只有需要更改时才填写对应字段。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a VMware golden&apos;s NICs after its first: this one has none</source>
        <translation>VMware 母版第一块之后的网卡：此母版没有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each unconfigured unless given, e.g. %1=10.0.5.0/24 (this golden has %2)</source>
        <translation>未给出的不配置，例如 %1=10.0.5.0/24（此母版有 %2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+134"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Choose the golden image: a QEMU machine description (.json) or a VMware .vmx.</source>
        <translation type="vanished">请选择母版镜像：QEMU 机器描述 (.json) 或 VMware .vmx。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="vanished">%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is neither a QEMU machine description (.json) nor a VMware .vmx.</source>
        <translation type="vanished">%1 既不是 QEMU 机器描述 (.json)，也不是 VMware .vmx。</translation>
    </message>
    <message>
        <source>Cannot read the golden image: %1</source>
        <translation type="vanished">无法读取母版镜像：%1</translation>
    </message>
    <message>
        <source>Subnet: %1</source>
        <translation type="vanished">子网：%1</translation>
    </message>
    <message>
        <source>The golden image does not say its subnet: type it, e.g. 192.168.1.0/24.</source>
        <translation type="vanished">母版镜像未写明其子网：请输入，例如 192.168.1.0/24。</translation>
    </message>
    <message>
        <source>The address suffix %1 is not a number (e.g. 176).</source>
        <translation type="vanished">地址后缀 %1 不是数字（例如 176）。</translation>
    </message>
    <message>
        <source>The golden image does not say its own address: type its suffix, e.g. 176.</source>
        <translation type="vanished">母版镜像未写明自己的地址：请输入其后缀，例如 176。</translation>
    </message>
    <message>
        <source>Suffix %1 is not a host of %2 (suffixes 1-%3).</source>
        <translation type="vanished">后缀 %1 不是 %2 中的主机（后缀范围 1-%3）。</translation>
    </message>
    <message>
        <source>The gateway %1 is not an IPv4 address.</source>
        <translation type="vanished">网关 %1 不是 IPv4 地址。</translation>
    </message>
    <message>
        <source>The gateway %1 is not a host address of %2.</source>
        <translation type="vanished">网关 %1 不是 %2 中的主机地址。</translation>
    </message>
    <message>
        <source>The gateway %1 is the golden&apos;s own address.</source>
        <translation type="vanished">网关 %1 是母版自己的地址。</translation>
    </message>
    <message>
        <source>The DNS server %1 is not an IPv4 address (separate several with commas).</source>
        <translation type="vanished">DNS 服务器 %1 不是 IPv4 地址（多个地址请用逗号分隔）。</translation>
    </message>
    <message>
        <source>At most 3 DNS servers: the guests&apos; resolv.conf uses no more.</source>
        <translation type="vanished">最多 3 个 DNS 服务器：客户机的 resolv.conf 不会使用更多。</translation>
    </message>
    <message>
        <source>VMware guests announce themselves to this host: type its address on the VMs&apos; network as the console address.</source>
        <translation type="vanished">VMware 客户机会向本机报告自身状态：请输入本机在虚拟机网络上的地址作为控制台地址。</translation>
    </message>
    <message>
        <source>The console address %1 is not an IPv4 address.</source>
        <translation type="vanished">控制台地址 %1 不是 IPv4 地址。</translation>
    </message>
    <message>
        <source>The console address %1 is the golden&apos;s own address: give this host&apos;s address.</source>
        <translation type="vanished">控制台地址 %1 是母版自己的地址：请填写本机的地址。</translation>
    </message>
    <message>
        <source>The console address %1 is not a host address of %2.</source>
        <translation type="vanished">控制台地址 %1 不是 %2 中的主机地址。</translation>
    </message>
    <message>
        <source>The console address %1 is outside %2 and there is no gateway: the clones could not reach it. Give an address in %2, or a gateway.</source>
        <translation type="vanished">控制台地址 %1 不在 %2 内，且没有网关：克隆机将无法访问它。请填写 %2 内的地址，或填写网关。</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Ready: %1 (%2) at %3 in %4.</source>
        <translation>就绪：%1（%2），地址 %3，子网 %4。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware</source>
        <translation>VMware</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Choose one of this host&apos;s %n address(es) in %1…</source>
        <translation>
            <numerusform>从本机在 %1 中的 %n 个地址中选择一个…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This host has no address in %1: give its address on the VMs&apos; network.</source>
        <translation>本机在 %1 中没有地址：请填写本机在虚拟机网络上的地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this host&apos;s address in %1: %2</source>
        <translation>本机在 %1 中的地址：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This host has %n addresses in %1: choose the one on the VMs&apos; network.</source>
        <translation>
            <numerusform>本机在 %1 中有 %n 个地址：请选择虚拟机网络上的那个。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Adding the golden image…</source>
        <translation>正在添加母版镜像…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The golden image was not added: %1</source>
        <translation>未能添加母版镜像：%1</translation>
    </message>
</context>
<context>
    <name>vmeclone::BatchTracker</name>
    <message>
        <location filename="../../ui/batch_tracker.cpp" line="+75"/>
        <source>%1 %2</source>
        <translation>%1 台%2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n gone</source>
        <translation>
            <numerusform>%n 台已不在</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>vmeclone::CloneRangeDialog</name>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="+42"/>
        <source>Clone range</source>
        <translation>克隆地址段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 177-254 or 177,180-190</source>
        <translation>例如 177-254 或 177,180-190</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Linked (copy-on-write over the golden&apos;s disk)</source>
        <translation>链接克隆（在母版磁盘上写时复制）(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full copy (independent disks)</source>
        <translation>完整复制（独立磁盘）(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Instant (resume from template)</source>
        <translation>即时克隆（从模板恢复）(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QEMU goldens only: the clones resume from the golden&apos;s template, saved once after its agent stopped before taking any identity, instead of booting. The template is made first when there is none.</source>
        <translation>仅限 QEMU 母版：克隆不再启动，而是从母版的模板恢复运行。模板在其代理尚未获取任何身份时停止并保存一次；若尚无模板，会先制作模板。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linked, made by &amp;VMware (from the golden&apos;s snapshot)</source>
        <translation>链接克隆，由 &amp;VMware 制作（基于母版的快照）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VMware goldens only: Workstation Pro makes each linked clone (vmrun clone) from the golden&apos;s current snapshot, instead of vmeclone linking the disks itself.</source>
        <translation>仅限 VMware 母版：由 Workstation Pro 基于母版当前的快照制作每个链接克隆（vmrun clone），而不是由 vmeclone 自己链接磁盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start the clones when they are made</source>
        <translation>克隆完成后立即启动(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This machine only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the clones go: this machine, or a head&apos;s hosts (the head places each address on a host, each host on its own shards)</source>
        <translation>克隆放在哪里:本机,或头节点的主机(头节点把每个地址放到一台主机上,每台主机再放到自己的磁盘分片上)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Golden image:</source>
        <translation>母版镜像(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hosts:</source>
        <translation>主机(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Addresses:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clone mode:</source>
        <translation>克隆方式：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <location line="+276"/>
        <location line="+2"/>
        <source>Shard</source>
        <translation>磁盘分片</translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+82"/>
        <location line="+204"/>
        <source>VMs</source>
        <translation>虚拟机数</translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Added</source>
        <translation>新增占用</translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Free after</source>
        <translation>完成后剩余</translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Why this many</source>
        <translation>为何是这个数量</translation>
    </message>
    <message>
        <location line="-278"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>Refused addresses:</source>
        <translation>被拒绝的地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+268"/>
        <source>Placement on the disk shards:</source>
        <translation>在各磁盘分片上的分布：</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>The VMs:</source>
        <translation>虚拟机：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Clone</source>
        <translation>克隆(&amp;C)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>All hosts (this machine and %1)</source>
        <translation>所有主机(本机和 %1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Placed before</source>
        <translation>此前已放置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement on the hosts and their disk shards:</source>
        <translation>在各主机及其磁盘分片上的分布：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: shard</source>
        <translation>主机：分片</translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%n address(es) cannot be cloned. Leave them out of the range.</source>
        <translation>
            <numerusform>%n 个地址无法克隆。请将它们从范围中去掉。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Ready: %n VM(s) over %1 host(s); each host places its share on its own shards.</source>
        <translation>
            <numerusform>就绪:%n 台虚拟机分布在 %1 台主机上;每台主机把自己的份额放到自己的磁盘分片上。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hosts that cannot be asked now fail their VMs; the same clone again finishes them.</source>
        <translation>现在无法询问的主机,其虚拟机会失败;再次执行同样的克隆即可完成它们。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>There is no golden image yet: add one first.</source>
        <translation>还没有母版镜像：请先添加一个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The golden image %1 cannot be cloned now: %2</source>
        <translation>母版镜像 %1 当前无法克隆：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No addresses yet.</source>
        <translation>尚未输入地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the addresses to clone, e.g. 177-254 or 177,180-190.</source>
        <translation>请输入要克隆的地址，例如 177-254 或 177,180-190。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="-191"/>
        <location line="+213"/>
        <source>Nothing to clone.</source>
        <translation>没有可克隆的地址。</translation>
    </message>
    <message numerus="yes">
        <location line="-149"/>
        <location line="+156"/>
        <source>%n VM(s) can be cloned</source>
        <translation>
            <numerusform>可克隆 %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-155"/>
        <location line="+156"/>
        <source>%n address(es) refused</source>
        <translation>
            <numerusform>%n 个地址被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-155"/>
        <location line="+156"/>
        <source>%n VM(s) will be cloned</source>
        <translation>
            <numerusform>将克隆 %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>weight %1 × %2 free: %3 % of the batch</source>
        <translation>权重 %1 × 可用 %2：本批次的 %3 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each shard takes its part of the batch: its weight times its free space, over the sum of those of all usable shards; what the rounding leaves goes one VM per shard.</source>
        <translation>每个分片承担本批次的一部分：其权重乘以可用空间，除以所有可用分片的该值之和；取整后剩下的虚拟机每个分片分一台。</translation>
    </message>
    <message numerus="yes">
        <location line="-205"/>
        <location line="+216"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n address(es) cannot be cloned: %1. Leave them out of the range.</source>
        <translation>
            <numerusform>%n 个地址无法克隆：%1。请从地址段中去掉它们。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-219"/>
        <location line="+223"/>
        <source>The range names no address to clone.</source>
        <translation>该地址段中没有可克隆的地址。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Ready: %n VM(s), %1 clones.</source>
        <translation>
            <numerusform>就绪：%n 台虚拟机，%1克隆。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>instant</source>
        <translation>即时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked (made by VMware)</source>
        <translation>链接（由 VMware 制作）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked</source>
        <translation>链接</translation>
    </message>
</context>
<context>
    <name>vmeclone::ConsoleAddressDialog</name>
    <message>
        <location filename="../../ui/console_address_dialog.cpp" line="+27"/>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Console address of %1</source>
        <translation>%1 的控制台地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The clones of %1 announce themselves to this host at its console address, on their network %2. Clones made from now on are given the new address.</source>
        <translation>%1 的克隆通过其网络 %2 向本机的控制台地址报告自身状态。此后创建的克隆将使用新地址。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New console address</source>
        <translation>新控制台地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This host has no address in %1.</source>
        <translation>本机在 %1 中没有地址。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Auto&amp;matic: this host&apos;s only address in %1, now %2</source>
        <translation>自动(&amp;M)：本机在 %1 中唯一的地址，当前为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto&amp;matic: this host&apos;s only address in %1</source>
        <translation>自动(&amp;M)：本机在 %1 中唯一的地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An&amp;other address:</source>
        <translation>其他地址(&amp;O)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Current: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none (its clones cannot be made until one is given)</source>
        <translation>无（填写之前无法创建它的克隆）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give this host&apos;s address on the VMs&apos; network.</source>
        <translation>请填写本机在虚拟机网络上的地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one of this host&apos;s addresses, Automatic, or another address.</source>
        <translation>请选择本机的一个地址、自动或其他地址。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is the console address already.</source>
        <translation>%1 已经是控制台地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clones made from now on will announce themselves to %1.</source>
        <translation>此后创建的克隆将向 %1 报告自身状态。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changing the console address…</source>
        <translation>正在更改控制台地址…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The console address was not changed: %1</source>
        <translation>控制台地址未更改：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console address of %1 is now %2 (was %3).</source>
        <translation>%1 的控制台地址现为 %2（原为 %3）。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n existing clone(s) were made with the old address and announce themselves to it until released and cloned again: %1</source>
        <translation>
            <numerusform>%n 个现有克隆是用旧地址创建的，在释放并重新克隆之前会继续向旧地址报告：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No existing clone was made with the old address.</source>
        <translation>没有用旧地址创建的现有克隆。</translation>
    </message>
</context>
<context>
    <name>vmeclone::Event</name>
    <message>
        <location filename="../../core/common/event_text.cpp" line="+29"/>
        <source>clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>start</source>
        <translation type="vanished">启动</translation>
    </message>
    <message>
        <source>stop</source>
        <translation type="vanished">停止</translation>
    </message>
    <message>
        <source>release</source>
        <translation type="vanished">释放</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>no heartbeat for %1 s</source>
        <translation>已 %1 秒没有心跳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovery: %1</source>
        <translation>恢复：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>started</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>释放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked stopped</source>
        <translation>标记为已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked resuming</source>
        <translation>标记为正在恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked booting</source>
        <translation>标记为正在启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked configured</source>
        <translation>标记为已配置</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unreachable: no heartbeat for %1 s</source>
        <translation>无法联系：已 %1 秒没有心跳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released: files deleted, address free</source>
        <translation>已释放：文件已删除，地址已空出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone cancelled: rolled back, nothing of it is left</source>
        <translation>克隆已取消：已回滚，没有留下任何东西</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clone failed, rolled back: %1</source>
        <translation>克隆失败，已回滚：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>announcement rejected: %1 (from %2)</source>
        <translation>已拒绝报告：%1（来自 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 more state changes in a minute were not logged (at most %2 a minute are logged per VM; its state in the inventory followed every one)</source>
        <translation>一分钟内另有 %1 次状态变化未记入日志（每台虚拟机每分钟最多记录 %2 次；清单中的状态跟随了每一次变化）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 more rejected announcements in a minute were not logged (at most %2 a minute are logged per VM; the status bar counts every one)</source>
        <translation>一分钟内另有 %1 条被拒绝的报告未记入日志（每台虚拟机每分钟最多记录 %2 条；状态栏统计了每一条）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 VMs: %3 done, %4 failed%5</source>
        <translation>%1 %2 台虚拟机：%3 台完成，%4 台失败%5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>golden image %1 added: %2, %3 in %4</source>
        <translation>已添加母版镜像 %1：%2，%4 中的 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard %1 added (weight %2, %3 free)</source>
        <translation>已添加磁盘分片 %1（权重 %2，可用 %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard %1 is shared: %2 clone folder(s) of other data folders are there; this one never touches them</source>
        <translation>磁盘分片 %1 是共享的：其中有其他数据文件夹的 %2 个克隆文件夹；本数据文件夹从不触碰它们</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>golden image %1: its files are fingerprinted from now on</source>
        <translation>母版镜像 %1：从现在起对其文件记录指纹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>golden image %1 re-accepted unchanged</source>
        <translation>母版镜像 %1 已重新接受，未有变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1 re-accepted as it is now: %2</source>
        <translation>母版镜像 %1 已按当前状态重新接受：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1 removed from the inventory</source>
        <translation>母版镜像 %1 已从清单中移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1: console address %2 (was %3)</source>
        <translation>母版镜像 %1：控制台地址 %2（原为 %3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template of %1 made in %2 (%3 ms)%4</source>
        <translation>%1 的模板已在 %2 中制成（%3 毫秒）%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: removed %1, a template that was never completed</source>
        <translation>已恢复：删除了 %1，一个从未完成的模板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>instant clones of %1 asked for, linked clones made instead: %2</source>
        <translation>要求 %1 的即时克隆，改为制作了链接克隆：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: %1 (%2)</source>
        <translation>已恢复：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: removed %1, a clone folder with no inventory row</source>
        <translation>已恢复：删除了 %1，一个在清单中没有记录的克隆文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 (%2) added: vmeclone %3</source>
        <translation>已添加主机 %1（%2）：vmeclone %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 removed from the hosts</source>
        <translation>主机 %1 已从主机列表中移除</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not signed, and this listener takes only signed announcements</source>
        <translation>未签名，而此监听器只接受签名的报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bad signature: not signed with this VM&apos;s key (another VM&apos;s guest, a stale clone of it, or a forgery)</source>
        <translation>签名错误：不是用此虚拟机的密钥签名的（另一台虚拟机的客户机、它的过期克隆，或伪造）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its MAC is not the one this VM was given</source>
        <translation>其 MAC 不是分配给此虚拟机的那个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a replay: a sequence number or boot already seen</source>
        <translation>重放：序号或启动已出现过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more announcements for this VM than its guest sends: rate limited</source>
        <translation>此虚拟机的报告多于其客户机会发送的数量：已限速</translation>
    </message>
    <message>
        <location line="+32"/>
        <source> (unverified: unsigned announcement)</source>
        <translation>（未验证：未签名的报告）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
</context>
<context>
    <name>vmeclone::FirstRunPanel</name>
    <message>
        <location filename="../../ui/first_run_panel.cpp" line="+21"/>
        <source>Welcome to vmeclone</source>
        <translation>欢迎使用 vmeclone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To clone VMs, vmeclone needs a golden image (the VM every clone is copied from) and at least one disk shard (a folder where the clones&apos; disks are kept).</source>
        <translation>要克隆虚拟机，vmeclone 需要一个母版镜像（所有克隆都从它复制而来）和至少一个磁盘分片（存放克隆机磁盘的文件夹）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Use the demo golden image</source>
        <translation>使用演示母版镜像(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;golden image…</source>
        <translation>添加母版镜像…(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;disk shard…</source>
        <translation>添加磁盘分片…(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small Linux VM for QEMU, with two disk shards in the data folder: ready to clone in one click.</source>
        <translation>一个用于 QEMU 的小型 Linux 虚拟机，并在数据文件夹中建立两个磁盘分片：一键即可开始克隆。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your own VM: a QEMU machine description (.json) or a VMware VM&apos;s .vmx, powered off.</source>
        <translation>您自己的虚拟机：QEMU 机器描述 (.json) 或已关机的 VMware 虚拟机的 .vmx。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder on a disk with room for the clones; add one per disk to spread them.</source>
        <translation>磁盘上有足够空间存放克隆机的文件夹；每块磁盘添加一个，即可将克隆分散存放。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Setting up the demo golden image and two disk shards…</source>
        <translation>正在设置演示母版镜像和两个磁盘分片…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This console was built without the demo golden image.</source>
        <translation>此控制台构建时未包含演示母版镜像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo golden image %1 is missing: build it with cmake --build build --target demo-golden</source>
        <translation>演示母版镜像 %1 不存在：请用 cmake --build build --target demo-golden 构建它</translation>
    </message>
</context>
<context>
    <name>vmeclone::GuestViewPanel</name>
    <message>
        <location filename="../../ui/guest_view_panel.cpp" line="+20"/>
        <source>Not asked yet.</source>
        <translation>尚未询问。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the guest</source>
        <translation>询问客户机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads the running guest&apos;s own view through qemu-guest-agent</source>
        <translation>通过 qemu-guest-agent 读取运行中客户机自身的视图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The guest says</source>
        <translation>客户机报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The inventory says</source>
        <translation>清单记录</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This guest cannot be asked from here.</source>
        <translation>无法从这里询问此客户机。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asking the guest…</source>
        <translation>正在询问客户机…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The guest did not answer: %1</source>
        <translation>客户机没有应答：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The guest&apos;s own view differs from the inventory</source>
        <translation>客户机自身的视图与清单不一致</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default gateway</source>
        <translation>默认网关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine ID</source>
        <translation>机器 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSH host key</source>
        <translation>SSH 主机密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read at %1: the guest agrees with the inventory.</source>
        <translation>读取于 %1：客户机与清单一致。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Read at %1: the guest differs in %n field(s).</source>
        <translation>
            <numerusform>读取于 %1：客户机有 %n 个字段与清单不一致。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vmeclone::HostsPanel</name>
    <message>
        <location filename="../../ui/hosts_panel.cpp" line="+34"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VMs by state</source>
        <translation>各状态虚拟机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space</source>
        <translation>可用空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No hosts yet. Add one with: vmeclone host add NAME USER@ADDRESS (see docs/hosts.md); its VMs then show here and in the table.</source>
        <translation>尚无主机。请用 vmeclone host add 名称 用户@地址 添加(见 docs/hosts.md);其虚拟机随后显示在此处和表格中。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Its VMs are greyed in the table as &quot;host unreachable&quot;, with their last known state.</source>
        <translation>其虚拟机在表格中以灰色显示为“主机不可达”,保留最后已知的状态。</translation>
    </message>
</context>
<context>
    <name>vmeclone::LogPane</name>
    <message>
        <location filename="../../ui/log_pane.cpp" line="+48"/>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show from level:</source>
        <translation>显示级别：</translation>
    </message>
</context>
<context>
    <name>vmeclone::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="+69"/>
        <location line="+141"/>
        <source>vmeclone console</source>
        <translation>vmeclone 控制台</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Filter by name, address, MAC, shard, state or detail</source>
        <translation>按名称、地址、MAC、分片、状态或详情筛选</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the VMs of one host only</source>
        <translation>只显示一台主机的虚拟机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cancelling batch %1</source>
        <translation>正在取消批次 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No VMs yet. Press %1 to clone a range.</source>
        <translation>还没有虚拟机。按 %1 克隆一个地址范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No VM matches the filter.</source>
        <translation>没有与筛选条件匹配的虚拟机。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the inventory…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+80"/>
        <source>&amp;Clone range…</source>
        <translation>克隆地址段…(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release…</source>
        <translation>释放…(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open VM page</source>
        <translation>打开虚拟机页面(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest&amp;art</source>
        <translation>重启(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy address</source>
        <translation>复制地址(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start range…</source>
        <translation>启动地址段…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop range…</source>
        <translation>停止地址段…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release range…</source>
        <translation>释放地址段…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel &amp;all batches</source>
        <translation>取消全部批任务(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelling every running batch</source>
        <translation>正在取消所有运行中的批次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export inventory…</source>
        <translation>导出清单…(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;golden image…</source>
        <translation>添加母版镜像…(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/main_window_setup.cpp" line="+255"/>
        <source>Remove golden image</source>
        <translation>移除母版镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Console address…</source>
        <translation>控制台地址(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add disk &amp;shard…</source>
        <translation>添加磁盘分片…(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/main_window_setup.cpp" line="+80"/>
        <source>Remove disk shard</source>
        <translation>移除磁盘分片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change shard &amp;weight…</source>
        <translation>修改分片权重…(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label shard…</source>
        <translation>为分片命名(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hosts panel</source>
        <translation>主机面板(&amp;H)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by &amp;host</source>
        <translation>按主机筛选(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No hosts: this machine&apos;s VMs are all there is.</source>
        <translation>没有主机:只有本机的虚拟机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listener &amp;port…</source>
        <translation>监听端口…(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch &amp;history…</source>
        <translation>批次历史(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About vmeclone</source>
        <translation>关于 vmeclone(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;VMs</source>
        <translation>虚拟机(&amp;V)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Setup</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="-270"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Console…</source>
        <translation>控制台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label…</source>
        <translation>命名…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Golden images</source>
        <translation>母版镜像</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used / free</source>
        <translation>已用 / 剩余</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>golden image %1 added from %2</source>
        <translation>已从 %2 添加母版镜像 %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>For the golden image %1.</source>
        <translation>用于母版镜像 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a QEMU golden image: its guests reach this host at QEMU&apos;s own host address, so it has no console address.</source>
        <translation>%1 是 QEMU 母版镜像：其客户机通过 QEMU 自己的主机地址访问本机，因此没有控制台地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a VMware golden image first.</source>
        <translation>请先选择一个 VMware 母版镜像。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>golden image %1: console address %2</source>
        <translation>母版镜像 %1：控制台地址 %2</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+7"/>
        <source>Label shard</source>
        <translation>为分片命名</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A short name for %1, shown instead of its folder&apos;s (empty: none):</source>
        <translation>%1 的简短名称，显示时代替其文件夹名（留空则不用）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_batches.cpp" line="+47"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2（%3）：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>batch %1 finished: %2 done, %3 failed, cancelled: %4 not made</source>
        <translation>批次 %1 结束：%2 个完成，%3 个失败，已取消：%4 个未创建</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>batch %1 finished: %2 done, %3 failed</source>
        <translation>批次 %1 结束：%2 个完成，%3 个失败</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%1: %n VM(s) started; following them until online</source>
        <translation>
            <numerusform>%1：已启动 %n 台虚拟机；跟踪至上线</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 done, %2 failed</source>
        <translation>%1 台完成，%2 台失败</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2 of %3 online (%4)</source>
        <translation>%1：%3 台中 %2 台已上线（%4）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not followed to the end: %1</source>
        <translation>未跟踪到底：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2: %3 (%4 s)</source>
        <translation>%1 %2：%3（%4 秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch %1 settled: %2</source>
        <translation>批次 %1 已落定：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batch history</source>
        <translation>批次历史</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/main_window_setup.cpp" line="-267"/>
        <source>VMs</source>
        <translation>虚拟机数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>开始于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Took</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No batch has finished since the console started.</source>
        <translation>控制台启动以来还没有完成的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Disk shards</source>
        <translation>磁盘分片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="+38"/>
        <source>%1 on hosts: %2 done, %3 failed</source>
        <translation>主机上的 %1:%2 个完成,%3 个失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/main_window_setup.cpp" line="+15"/>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not listening here: %1. States come from the process that listens.</source>
        <translation>本控制台未监听：%1。状态由正在监听的进程写入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listening on 127.0.0.1:%1</source>
        <translation>正在监听 127.0.0.1:%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 (suffix %2)</source>
        <translation>%1（后缀 %2）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 free of %2</source>
        <translation>剩余 %1，共 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n 台虚拟机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n VM(s) on hosts</source>
        <translation>
            <numerusform>主机上 %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n golden image(s)</source>
        <translation>
            <numerusform>%n 个母版镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n disk shard(s)</source>
        <translation>
            <numerusform>%n 个磁盘分片</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no golden image yet: add one (Setup &gt; Add golden image) and a disk shard to start</source>
        <translation>还没有母版镜像：请先添加一个（设置 &gt; 添加母版镜像）和一个磁盘分片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>first start: adding the demo golden image %1 and the disk shards %2</source>
        <translation>首次启动：正在添加演示母版镜像 %1 和磁盘分片 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the demo golden image could not be added: %1</source>
        <translation>无法添加演示母版镜像：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo golden image could not be added: %1</source>
        <translation>无法添加演示母版镜像：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the disk shard %1 could not be added: %2</source>
        <translation>无法添加磁盘分片 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk shard %1 could not be added: %2</source>
        <translation>无法添加磁盘分片 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%1: closing the console, cancelling %n running batch(es)</source>
        <translation>
            <numerusform>%1：正在关闭控制台，取消 %n 个运行中的批次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: closing the console</source>
        <translation>%1：正在关闭控制台</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window_batches.cpp" line="-84"/>
        <source> (cancelled: %n not made)</source>
        <translation>
            <numerusform>（已取消：%n 台未创建）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+10"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No golden image</source>
        <translation>没有母版镜像</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Add a golden image first (Setup &gt; Add golden image).</source>
        <translation>请先添加母版镜像（设置 &gt; 添加母版镜像）。</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+87"/>
        <source>Select one or more VMs in the table first.</source>
        <translation>请先在表格中选择一台或多台虚拟机。</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Nothing to start: the selected VMs run already, or are being made, stopped or released.</source>
        <translation>没有可启动的：所选虚拟机已在运行，或正在创建、停止或释放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to stop: none of the selected VMs runs.</source>
        <translation>没有可停止的：所选虚拟机都没有在运行。</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>cloning %n VM(s) from %1 (%2, started when made)</source>
        <translation>
            <numerusform>正在从 %1 克隆 %n 台虚拟机（%2，创建后启动）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>cloning %n VM(s) from %1 (%2, not started)</source>
        <translation>
            <numerusform>正在从 %1 克隆 %n 台虚拟机（%2，不启动）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cloning %1 over hosts %2 (%3, started when made)</source>
        <translation>正在跨主机 %2 克隆 %1（%3，创建后启动）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cloning %1 over hosts %2 (%3, not started)</source>
        <translation>正在跨主机 %2 克隆 %1（%3，不启动）</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1: %n VM(s)</source>
        <translation>
            <numerusform>%1：%n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1  %2  on host %3</source>
        <translation>%1  %2  在主机 %3 上</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read the VMs</source>
        <translation>无法读取虚拟机</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Addresses (e.g. 177-254 or 177,180-190):</source>
        <translation>地址（例如 177-254 或 177,180-190）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a range</source>
        <translation>不是有效的地址段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No VM there</source>
        <translation>没有虚拟机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No VM in %1.</source>
        <translation>%1 中没有虚拟机。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Release VMs</source>
        <translation>释放虚拟机</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Release %n VM(s)? Each is stopped, its folder with all its files is deleted, and its address becomes free.</source>
        <translation>
            <numerusform>释放 %n 台虚拟机？每台都会被停止，其文件夹及全部文件将被删除，地址随之空出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Release and delete</source>
        <translation>释放并删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What will be deleted:</source>
        <translation>将被删除的内容：</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… 另有 %n 台（见详细信息）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed</source>
        <translation type="vanished">%1：%2 台完成，%3 台失败</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation type="vanished">（已取消）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_batches.cpp" line="+51"/>
        <source>Batch finished</source>
        <translation>批任务完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="+11"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ansible inventory (*.yml *.yaml)</source>
        <translation>Ansible 清单 (*.yml *.yaml)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+62"/>
        <source>Export inventory</source>
        <translation>导出清单</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>%1 is not a report format: name the file .csv, .json, .html, .pdf or .yml (Ansible inventory)</source>
        <translation>%1 不是报表格式：文件名请以 .csv、.json、.html、.pdf 或 .yml（Ansible 清单）结尾</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>Cannot export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>%1 is not a report format: name the file .csv, .json, .html or .pdf</source>
        <translation type="vanished">%1 不是报表格式：文件名请以 .csv、.json、.html 或 .pdf 结尾</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exported %n VM(s) to %1</source>
        <translation>
            <numerusform>已将 %n 台虚拟机导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a golden image first.</source>
        <translation>请先选择一个母版镜像。</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>Add disk shard</source>
        <translation>添加磁盘分片</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Relative share of new VMs for %1:</source>
        <translation>%1 分得新虚拟机的相对比例：</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <location line="+23"/>
        <source>Select a disk shard first.</source>
        <translation>请先选择一个磁盘分片。</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+6"/>
        <source>Change shard weight</source>
        <translation>修改分片权重</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Relative share of new VMs:</source>
        <translation>分得新虚拟机的相对比例：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+33"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The language changes when the console starts again.</source>
        <translation>语言将在控制台下次启动时生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About vmeclone</source>
        <translation>关于 vmeclone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmeclone %1</source>
        <translation>vmeclone %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clones golden image VMs by the range, on QEMU or VMware Workstation.</source>
        <translation>在 QEMU 或 VMware Workstation 上按地址范围克隆黄金镜像虚拟机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announcements: %1</source>
        <translation>上线通告：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no listener attached yet</source>
        <translation>尚未接上监听器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Listener port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>UDP port the guests announce themselves to:</source>
        <translation>客户机上报状态所用的 UDP 端口：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Port %1 is used from the next start; clones made before keep the port they were given.</source>
        <translation>端口 %1 将在下次启动时生效；之前创建的克隆仍使用原来的端口。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="+9"/>
        <source>Batches running</source>
        <translation>批任务正在运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n batch(es) still running. Cancel them and quit? VMs being copied are rolled back.</source>
        <translation>
            <numerusform>仍有 %n 个批任务在运行。取消它们并退出吗？正在复制的虚拟机将被回滚。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vmeclone::Report</name>
    <message numerus="yes">
        <location filename="../../core/report/report_document.cpp" line="+113"/>
        <source>Generated %1 · inventory %2 · %n VMs</source>
        <translation>
            <numerusform>生成于 %1 · 清单 %2 · %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VMs per state</source>
        <translation>各状态虚拟机数</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+89"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+49"/>
        <source>VMs</source>
        <translation>虚拟机数</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Golden images</source>
        <translation>母版镜像</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No golden image is registered.</source>
        <translation>尚未登记任何母版镜像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Disk shards</source>
        <translation>磁盘分片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No disk shard is registered.</source>
        <translation>尚未登记任何磁盘分片。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filesystem</source>
        <translation>文件系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>总量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>已用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>VMs</source>
        <comment>the heading of the list of VMs</comment>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No VMs in the inventory.</source>
        <translation>清单中没有虚拟机。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Golden</source>
        <translation>母版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clone</source>
        <translation>克隆方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shard</source>
        <translation>磁盘分片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boots</source>
        <translation>启动次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation>最后上报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../core/report/report_text.cpp" line="+16"/>
        <source>vmeclone inventory report</source>
        <translation>vmeclone 清单报表</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>linked</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>full</source>
        <translation>完整复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>instant</source>
        <translation>即时</translation>
    </message>
</context>
<context>
    <name>vmeclone::StatusBoard</name>
    <message>
        <location filename="../../ui/status_board.cpp" line="+19"/>
        <source>VMs by state</source>
        <translation>各状态虚拟机</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Announcements</source>
        <translation>状态上报</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Per second:</source>
        <translation>每秒：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected packets:</source>
        <translation>拒收的数据包：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batches</source>
        <translation>批任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <source>No batch running.</source>
        <translation>没有正在运行的批任务。</translation>
    </message>
    <message numerus="yes">
        <location line="-138"/>
        <source>%n VM(s) in all</source>
        <translation>
            <numerusform>共 %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>truncated packet</source>
        <translation>数据包被截断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>packet too large</source>
        <translation>数据包过大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a vmeclone announcement</source>
        <translation>不是 vmeclone 通告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown protocol version</source>
        <translation>未知的协议版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>malformed announcement</source>
        <translation>格式错误的通告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsigned (unsigned guests are not allowed)</source>
        <translation>未签名（不允许未签名的客户机）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad signature (wrong key, or an address that is not the key&apos;s)</source>
        <translation>签名无效（密钥错误，或地址与密钥不符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no VM with that address</source>
        <translation>没有该地址的虚拟机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAC address not the VM&apos;s</source>
        <translation>MAC 地址不属于该虚拟机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replayed (an old sequence number or boot)</source>
        <translation>重放（旧的序号或旧的启动）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM stopping, stopped or being released (expected)</source>
        <translation>虚拟机正在停止、已停止或正在释放（预期之内）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many packets from one source</source>
        <translation>同一来源的数据包过多</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many announcements for one VM</source>
        <translation>同一虚拟机的通告过多</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (and %2 expected)</source>
        <translation>%1（另有 %2 个预期之内）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Announcements the listener refused. A guest still speaking while its VM stops or is released is expected and not counted; anything else means a packet that was not a current, signed announcement of a running VM.</source>
        <translation>监听器拒绝的通告。虚拟机停止或释放时客户机仍在发送属于预期之内，不计入；其余的表示收到的数据包不是运行中虚拟机的、当前有效且已签名的通告。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ETA %1 h %2 min</source>
        <translation>预计还需 %1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1 min %2 s</source>
        <translation>预计还需 %1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1 s</source>
        <translation>预计还需 %1 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: 0 of %2</source>
        <translation>%1：0 / %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stop following</source>
        <translation>停止跟踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The VMs are made and started; stop waiting for them here (they go on booting).</source>
        <translation>虚拟机已创建并启动；在此停止等待（它们会继续启动）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last: %1</source>
        <translation>上一个：%1</translation>
    </message>
</context>
<context>
    <name>vmeclone::TableColumns</name>
    <message>
        <location filename="../../ui/table_columns.cpp" line="+49"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>vmeclone::TextFormat</name>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="+494"/>
        <location filename="../../core/common/text_format.cpp" line="+21"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../core/common/text_format.cpp" line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d ago</source>
        <translation>%1 天前</translation>
    </message>
</context>
<context>
    <name>vmeclone::VmPage</name>
    <message>
        <location filename="../../ui/vm_page.cpp" line="+35"/>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC:</source>
        <translation>MAC：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Instance:</source>
        <translation>实例：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key scheme:</source>
        <translation>密钥方案：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden image:</source>
        <translation>母版镜像：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clone mode:</source>
        <translation>克隆方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shard:</source>
        <translation>磁盘分片：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boots:</source>
        <translation>启动次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last announcement:</source>
        <translation>最近一次报告：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State history</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial log</source>
        <translation>串口日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release…</source>
        <translation>释放…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No serial log yet: %1</source>
        <translation>尚无串口日志：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Following %1</source>
        <translation>正在跟踪 %1</translation>
    </message>
</context>
<context>
    <name>vmeclone::VmStateStyle</name>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="+19"/>
        <source>planned</source>
        <translation>已规划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copying</source>
        <translation>复制中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configured</source>
        <translation>已配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booting</source>
        <translation>引导中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configuring</source>
        <translation>配置中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebooting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resuming</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>失联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>releasing</source>
        <translation>释放中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>vmeclone::VmTableModel</name>
    <message>
        <source>%1 s ago</source>
        <translation type="vanished">%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="vanished">%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="vanished">%1 小时前</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="vanished">%1 天前</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="vanished">%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="vanished">%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="vanished">%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="vanished">%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="+31"/>
        <source>host unreachable</source>
        <translation>主机不可达</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Host %1 could not be asked (%2); the row shows its last known state: %3</source>
        <translation>无法询问主机 %1(%2);此行显示其最后已知的状态:%3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shard</source>
        <translation>磁盘分片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boots</source>
        <translation>启动次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last heartbeat</source>
        <translation>最后心跳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
</TS>
