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
        <location filename="../../core/engine/engine.cpp" line="+467"/>
        <source>the name %1 would leave the shard %2</source>
        <translation>名称 %1 会超出磁盘分片 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../core/inventory/inventory.cpp" line="+694"/>
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
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="+211"/>
        <source>QEMU&apos;s host alias (where the guests reach the console)</source>
        <translation>QEMU 的主机别名（客户机经由它访问控制台）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU&apos;s DNS alias</source>
        <translation>QEMU 的 DNS 别名</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+230"/>
        <source>this host&apos;s address (where VMware guests reach the console)</source>
        <translation>本机地址（VMware 客户机经由它访问控制台）</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="-580"/>
        <source>in use by %1</source>
        <translation>已被 %1 占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <location line="+587"/>
        <source>the folder %1 is in use by %2</source>
        <translation>文件夹 %1 已被 %2 使用</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+276"/>
        <location filename="../../core/inventory/inventory.cpp" line="+9"/>
        <location line="+104"/>
        <source>the golden image %1&apos;s own address</source>
        <translation>母版镜像 %1 自己的地址</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="+16"/>
        <source>in use by %1 on host %2</source>
        <translation>已被主机 %2 上的 %1 占用</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="+157"/>
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
        <location filename="../../core/placement/placement.cpp" line="+120"/>
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
        <location filename="../../core/cluster/cluster_head.cpp" line="+135"/>
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
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-41"/>
        <source>accelerator probe: %1</source>
        <translation>加速器探测：%1</translation>
    </message>
    <message>
        <location line="+346"/>
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
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+98"/>
        <source>%1: %2 clone made in %3</source>
        <translation>%1：已在 %3 中创建 %2 克隆</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 names %3, which is not there: VMware makes %4 at the clone&apos;s first start</source>
        <translation>%1：%2 引用了不存在的 %3：VMware 会在克隆首次启动时创建 %4</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: linked clone made by vmrun from the snapshot &quot;%2&quot; in %3</source>
        <translation>%1：vmrun 已从快照“%2”在 %3 中创建链接克隆</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>started %1</source>
        <translation>已启动 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>stopped %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+91"/>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+13"/>
        <location filename="../../core/cluster/cluster_listing.cpp" line="+90"/>
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
        <location filename="../../core/cluster/golden_push.cpp" line="+235"/>
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
        <location filename="../../core/engine/engine_service.cpp" line="+162"/>
        <source>recovery: %1</source>
        <translation>恢复：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recovered %1: %2 (%3)</source>
        <translation>已恢复 %1：%2（%3）</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>cannot read the inventory: %1</source>
        <translation>无法读取清单：%1</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>batch %1: cannot open the engine: %2</source>
        <translation>批次 %1：无法打开引擎：%2</translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_support.cpp" line="+63"/>
        <source>%1: cannot read its change sequence: %2</source>
        <translation>%1：无法读取它的变更序号：%2</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_resume.cpp" line="+70"/>
        <source>%1 resumed from %2 in %3 ms</source>
        <translation>%1 已在 %3 毫秒内从 %2 恢复运行</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1: an interrupted resume settled (its QEMU was %2)</source>
        <translation>%1：一次中断的恢复已处理完毕（它的 QEMU 当时的状态为 %2）</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmrun.cpp" line="+196"/>
        <source>vmrun %1 hung for %2 s: killed</source>
        <translation>vmrun %1 卡住了 %2 秒：已强行结束</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1: soft stop did not work (%2); stopping it hard</source>
        <translation>%1：软停止无效（%2）；改为强制停止</translation>
    </message>
    <message>
        <location filename="../../core/clone/qemu_img.cpp" line="+189"/>
        <source>%1 has leaked clusters (space only, data intact)</source>
        <translation>%1 有泄漏的簇（只占空间，数据完好）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/clone/disk_copier.cpp" line="+559"/>
        <source>copied %n file(s), %1 of data, in %2 ms</source>
        <translation>
            <numerusform>已复制 %n 个文件，%1 数据，用时 %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="+353"/>
        <source>not removing %1: it is outside the folder of %2</source>
        <translation>不删除 %1：它在 %2 的文件夹之外</translation>
    </message>
    <message numerus="yes">
        <location line="+136"/>
        <source>full clone of %1 -&gt; %2 (%n file(s), CID %3) in %4 ms</source>
        <translation>
            <numerusform>完整克隆 %1 -&gt; %2（%n 个文件，CID %3），用时 %4 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location filename="../../core/cluster/ssh_transport.cpp" line="+138"/>
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
        <location filename="../../ui/clone_range_dialog.cpp" line="+43"/>
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
        <location filename="../../ui/console_address_dialog.cpp" line="+28"/>
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
        <location line="+7"/>
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
        <location filename="../../core/common/event_text.cpp" line="+30"/>
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
        <location line="+35"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
</context>
<context>
    <name>vmeclone::Failure</name>
    <message>
        <location filename="../../core/clone/disk_copier.cpp" line="-520"/>
        <source>Cannot read the layout of %1: %2</source>
        <translation>无法读取 %1 的布局：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open source disk %1: %2</source>
        <translation>无法打开源磁盘 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open source disk %1: it does not exist</source>
        <translation>无法打开源磁盘 %1：文件不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot stat source disk %1: %2</source>
        <translation>无法获取源磁盘 %1 的状态：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source disk %1 is not a regular file</source>
        <translation>源磁盘 %1 不是常规文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-561"/>
        <source>Destination %1 exists already: refusing to overwrite it; remove it or choose another name</source>
        <translation>目标 %1 已存在：拒绝覆盖；请将其删除或选择其他名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="+13"/>
        <source>Destination folder %1 does not exist: create it first</source>
        <translation>目标文件夹 %1 不存在：请先创建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy of %1 to %2 cancelled</source>
        <translation>将 %1 复制到 %2 的操作已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>无法将 %1 复制到 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-1"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source disk %1 shrank while it was being copied: is a VM using it?</source>
        <translation>源磁盘 %1 在复制过程中变小了：是否有虚拟机正在使用它？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists: another copy to %2 is running or was interrupted; remove it if none is running</source>
        <translation>%1 已存在：另一个到 %2 的复制正在运行或曾被中断；如无正在运行的复制，请将其删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create %1 in folder %2: %3; check that the folder is writable</source>
        <translation>无法在文件夹 %2 中创建 %1：%3；请检查该文件夹是否可写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot size %1 to %2 bytes: %3</source>
        <translation>无法将 %1 的大小设为 %2 字节：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source disk %1 changed size while it was being copied: is a VM using it?</source>
        <translation>源磁盘 %1 在复制过程中大小发生了变化：是否有虚拟机正在使用它？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot flush %1 to disk: %2</source>
        <translation>无法将 %1 刷新到磁盘：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot close %1: %2</source>
        <translation>无法关闭 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-8"/>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>无法将 %1 重命名为 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (shard %2: needs %3, %4 free); free space there or choose another shard</source>
        <translation>%1（磁盘分片 %2：需要 %3，可用 %4）；请在该处释放空间或选择其他磁盘分片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot copy &apos;%1&apos; to &apos;%2&apos;: both paths must be given</source>
        <translation>无法将 &apos;%1&apos; 复制到 &apos;%2&apos;：必须同时给出两个路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination %1 is named twice in one copy</source>
        <translation>目标 %1 在一次复制中被指定了两次</translation>
    </message>
    <message>
        <location filename="../../core/clone/qcow2_overlay.cpp" line="+19"/>
        <location filename="../../core/golden/golden_check.cpp" line="+47"/>
        <location filename="../../core/golden/golden_fingerprint.cpp" line="+22"/>
        <location filename="../../core/vmx/vmx_document.cpp" line="+49"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot link a clone over %1: its format %2 is neither qcow2 nor raw</source>
        <translation>无法基于 %1 创建链接克隆：其格式 %2 既不是 qcow2 也不是 raw</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a qcow2 image (no QFI header)</source>
        <translation>%1 不是 qcow2 镜像（无 QFI 文件头）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already: not overwriting it</source>
        <translation>%1 已存在：不会覆盖它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the backing file path %1 is too long for a qcow2 header</source>
        <translation>后备文件路径 %1 过长，无法写入 qcow2 文件头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the overlay %1: %2</source>
        <translation>无法写入覆盖层 %1：%2</translation>
    </message>
    <message>
        <location filename="../../core/clone/qemu_img.cpp" line="-163"/>
        <source>qemu-img not found: install qemu-utils</source>
        <translation>未找到 qemu-img：请安装 qemu-utils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot run %1 for %2: %3</source>
        <translation>无法为 %2 运行 %1：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qemu-img %1 on %2 did not finish within %3 s and was stopped</source>
        <translation>对 %2 执行的 qemu-img %1 未在 %3 秒内完成，已被终止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qemu-img %1 on %2 crashed: %3</source>
        <translation>对 %2 执行的 qemu-img %1 崩溃：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing file %1 does not exist: cannot create overlay %2 on it</source>
        <translation>后备文件 %1 不存在：无法在其上创建覆盖层 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing file %1 is not a regular file</source>
        <translation>后备文件 %1 不是常规文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot create overlay %1: the format of backing file %2 is needed (qcow2, raw, vmdk, ...)</source>
        <translation>无法创建覆盖层 %1：需要后备文件 %2 的格式（qcow2、raw、vmdk 等）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overlay %1 exists already: refusing to overwrite it; remove it or choose another name</source>
        <translation>覆盖层 %1 已存在：拒绝覆盖；请将其删除或选择其他名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder %1 of overlay %2 does not exist: create it first</source>
        <translation>覆盖层 %2 所在的文件夹 %1 不存在：请先创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists: another overlay creation is running or was interrupted; remove it if none is running</source>
        <translation>%1 已存在：另一个覆盖层创建操作正在运行或曾被中断；如无正在运行的操作，请将其删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create overlay %1 on backing file %2: %3</source>
        <translation>无法在后备文件 %2 上创建覆盖层 %1：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot rename %1 to %2: it appeared meanwhile or the folder is not writable</source>
        <translation>无法将 %1 重命名为 %2：目标已在此期间出现，或文件夹不可写</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disk image %1 does not exist</source>
        <translation>磁盘镜像 %1 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read disk image %1: %2</source>
        <translation>无法读取磁盘镜像 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qemu-img info on %1 gave output that is not the expected JSON: %2</source>
        <translation>qemu-img info 对 %1 的输出不是预期的 JSON：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disk image %1 is corrupt: %2</source>
        <translation>磁盘镜像 %1 已损坏：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot check disk image %1: %2</source>
        <translation>无法检查磁盘镜像 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot compare %1 and %2: %3</source>
        <translation>无法比较 %1 和 %2：%3</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="-531"/>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="-153"/>
        <source>no host named &apos;%1&apos;: see &apos;vmeclone host list&apos;</source>
        <translation>没有名为 &apos;%1&apos; 的主机：请参阅 &apos;vmeclone host list&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no host given: name hosts, or all</source>
        <translation>未指定主机：请列出主机名称，或指定 all</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone failed (exit %1)</source>
        <translation>主机 local：vmeclone 失败（退出码 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone failed (exit %1): %2</source>
        <translation>主机 local：vmeclone 失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone %1</source>
        <translation>主机 local：vmeclone %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no host reached holds a golden image</source>
        <translation>已连接的主机中没有任何主机存有母版镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hosts hold several golden images (%1): choose one</source>
        <translation>这些主机存有多个母版镜像（%1）：请选择一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 holds no golden image named &apos;%2&apos;: add it there, or leave the host out</source>
        <translation>主机 %1 上没有名为 &apos;%2&apos; 的母版镜像：请在该主机上添加，或不包括该主机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden image &apos;%1&apos; differs between host %2 (%3, %4) and host %5 (%6, %7): give both the same golden</source>
        <translation>母版镜像 &apos;%1&apos; 在主机 %2（%3，%4）与主机 %5（%6，%7）上不一致：请为两者提供相同的母版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden image &apos;%1&apos; on host %2 differs from the one on host %3 (checksum %4 there, %5 on %3): push it again with golden push, after removing it there</source>
        <translation>主机 %2 上的母版镜像 &apos;%1&apos;（校验和为 %4）与主机 %3 上的不同（%3 上为 %5）：请先从前一台主机上删除它，再用 golden push 重新推送</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no host reached holds a golden image named &apos;%1&apos;</source>
        <translation>已连接的主机中没有任何主机存有名为 &apos;%1&apos; 的母版镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in use by %1 on host %2</source>
        <translation>已被主机 %2 上的 %1 占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: its vmeclone did not say where its share goes</source>
        <translation>主机 %1：其 vmeclone 未说明分配给它的部分放置在何处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>placed on host %1, which was not asked this time: include it to finish this VM</source>
        <translation>已放置在主机 %1 上，但本次未请求该主机：请将其包括在内以完成此虚拟机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 did not say what became of it</source>
        <translation>主机 %1 未报告其结果</translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_listing.cpp" line="-167"/>
        <source>host %1: its vmeclone did not list its VMs as JSON</source>
        <translation>主机 %1：其 vmeclone 未以 JSON 格式列出其虚拟机</translation>
    </message>
    <message>
        <location filename="../../core/cluster/golden_push.cpp" line="-210"/>
        <location filename="../../core/engine/engine.cpp" line="-444"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-400"/>
        <source>the golden %1: %2</source>
        <translation>母版 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden %1 has no fingerprint of its files yet: check it once on this machine (a clone or plan of it does), or accept its files with &apos;vmeclone golden refresh %1&apos;</source>
        <translation>母版 %1 尚无其文件的指纹：请在本机上检查一次（对其进行克隆或制定计划时即会检查），或用 &apos;vmeclone golden refresh %1&apos; 接受其文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden %1: its file %2 is not inside %3, the folder of its description, so a copy of that folder would not find it: keep a golden&apos;s files together to push it</source>
        <translation>母版 %1：其文件 %2 不在其描述文件所在的文件夹 %3 内，因此复制该文件夹时将找不到它：要推送母版，请将其文件放在一起</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden %1 changed since it was added: %2. Accept the change first (vmeclone golden refresh %1), then push it</source>
        <translation>母版 %1 自添加以来已发生更改：%2。请先接受更改（vmeclone golden refresh %1），然后再推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 holds another golden image named %2 (checksum %3 there, %4 here): remove it there first (vmeclone golden remove %2 on host %1), then push again</source>
        <translation>主机 %1 上有另一个名为 %2 的母版镜像（那里的校验和为 %3，此处为 %4）：请先在主机 %1 上删除它（vmeclone golden remove %2），然后重新推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 holds another golden image named %2 (checksum unknown there, %3 here): remove it there first (vmeclone golden remove %2 on host %1), then push again</source>
        <translation>主机 %1 上有另一个名为 %2 的母版镜像（那里的校验和未知，此处为 %3）：请先在主机 %1 上删除它（vmeclone golden remove %2），然后重新推送</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>host %1 did not say where its data folder is</source>
        <translation>主机 %1 未说明其数据文件夹的位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: %2, where the golden image %3 would go, holds the files of its golden image %4: remove that golden there first</source>
        <translation>主机 %1：母版镜像 %3 的目标位置 %2 存放着该主机的母版镜像 %4 的文件：请先在该主机上删除那个母版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot run &apos;%1&apos;: %2 (install rsync here and on the host)</source>
        <translation>无法运行 &apos;%1&apos;：%2（请在本机和该主机上安装 rsync）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rsync failed (exit %1): %2</source>
        <translation>rsync 失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsync stopped: %1</source>
        <translation>rsync 已停止：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: copying the golden image %2 to %3 failed: %4. Nothing was registered there; push again to resume the copy</source>
        <translation>主机 %1：将母版镜像 %2 复制到 %3 失败：%4。该主机上未注册任何内容；重新推送即可继续复制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the files were copied to %2 but registering them failed: %3</source>
        <translation>主机 %1：文件已复制到 %2，但注册失败：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1: the copied files differ from here (checksum %2 there, %3 here), so it was not kept registered: push again</source>
        <translation>主机 %1：复制的文件与此处不同（那里的校验和为 %2，此处为 %3），因此未保留其注册：请重新推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum unknown there, %2 here), so it was not kept registered: push again</source>
        <translation>主机 %1：复制的文件与此处不同（那里的校验和未知，此处为 %2），因此未保留其注册：请重新推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum %2 there, %3 here), and unregistering it failed: %4: push again</source>
        <translation>主机 %1：复制的文件与此处不同（那里的校验和为 %2，此处为 %3），且取消注册失败：%4：请重新推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum unknown there, %2 here), and unregistering it failed: %3: push again</source>
        <translation>主机 %1：复制的文件与此处不同（那里的校验和未知，此处为 %2），且取消注册失败：%3：请重新推送</translation>
    </message>
    <message>
        <location filename="../../core/cluster/host_names.cpp" line="+13"/>
        <source>the host name is empty</source>
        <translation>主机名为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name &apos;%1&apos; holds an invisible character (%2): type it again</source>
        <translation>主机名 &apos;%1&apos; 含有不可见字符（%2）：请重新输入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the host name &apos;%1&apos; is longer than 63 characters</source>
        <translation>主机名 &apos;%1&apos; 超过 63 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name &apos;%1&apos; may hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and starts with a letter or digit</source>
        <translation>主机名 &apos;%1&apos; 只能包含字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;，且必须以字母或数字开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is reserved: it is this machine, which is always a host and needs no SSH</source>
        <translation>&apos;%1&apos; 是保留名称：它指本机，本机始终是主机，无需 SSH</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the address is empty: give [USER@]ADDRESS</source>
        <translation>地址为空：请给出 [USER@]ADDRESS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address &apos;%1&apos; holds a space or an invisible character (%2)</source>
        <translation>地址 &apos;%1&apos; 含有空格或不可见字符（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not [USER@]ADDRESS: a user of letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, and a host name or an IP address</source>
        <translation>&apos;%1&apos; 不符合 [USER@]ADDRESS 格式：用户名由字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos; 组成，地址为主机名或 IP 地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 &apos;%2&apos; holds a control or invisible character</source>
        <translation>%1 &apos;%2&apos; 含有控制字符或不可见字符</translation>
    </message>
    <message>
        <location filename="../../core/cluster/host_self.cpp" line="+27"/>
        <source>not a host description (JSON object): %1</source>
        <translation>不是主机描述（JSON 对象）：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a host description (JSON object): not an object</source>
        <translation>不是主机描述（JSON 对象）：不是对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host description names no version</source>
        <translation>主机描述未指明版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host description names no protocol</source>
        <translation>主机描述未指明协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 runs vmeclone %2 and this is vmeclone %3: a head and its hosts need the same major.minor version; install the same version on both</source>
        <translation>主机 %1 运行的是 vmeclone %2，而本机是 vmeclone %3：主控及其主机需要相同的主.次版本号（major.minor）；请在两端安装相同版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 speaks host protocol %2 (vmeclone %3) and this vmeclone %4 speaks protocol %5: install the same version on both</source>
        <translation>主机 %1 使用主机协议 %2（vmeclone %3），而本机 vmeclone %4 使用协议 %5：请在两端安装相同版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: &apos;%2 host self&apos; there did not describe the host (%3): is it vmeclone?</source>
        <translation>主机 %1：该主机上的 &apos;%2 host self&apos; 未返回主机描述（%3）：它是 vmeclone 吗？</translation>
    </message>
    <message>
        <location filename="../../core/cluster/plan_document.cpp" line="+14"/>
        <source>the plan is not JSON: %1 at byte %2</source>
        <translation>计划不是有效的 JSON：%1（位于字节 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan is not a JSON object</source>
        <translation>计划不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan&apos;s &apos;vmeclone_plan&apos; is %1, and this vmeclone reads version %2: give the head and its hosts the same vmeclone version</source>
        <translation>计划的 &apos;vmeclone_plan&apos; 为 %1，而此 vmeclone 读取的版本为 %2：请为主控及其主机安装相同的 vmeclone 版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the plan&apos;s &apos;id&apos; is not a UUID</source>
        <translation>计划的 &apos;id&apos; 不是 UUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan names no &apos;golden&apos;</source>
        <translation>计划未指定 &apos;golden&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;mode&apos; is &apos;%1&apos;: it is linked or full</source>
        <translation>计划的 &apos;mode&apos; 为 &apos;%1&apos;：应为 linked 或 full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;start&apos; is not true or false</source>
        <translation>计划的 &apos;start&apos; 不是 true 或 false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;vms&apos; lists no address</source>
        <translation>计划的 &apos;vms&apos; 未列出任何地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan&apos;s &apos;vms&apos; holds &apos;%1&apos;, which is not an IPv4 address</source>
        <translation>计划的 &apos;vms&apos; 包含 &apos;%1&apos;，它不是 IPv4 地址</translation>
    </message>
    <message>
        <location filename="../../core/common/file_sync.cpp" line="+28"/>
        <source>cannot make %1 durable (FlushFileBuffers): %2</source>
        <translation>无法使 %1 持久化（FlushFileBuffers）：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot make %1 durable (fsync): %2</source>
        <translation>无法使 %1 持久化（fsync）：%2</translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_owner.cpp" line="+13"/>
        <source>cannot create %1/owners: check the data folder&apos;s permissions</source>
        <translation>无法创建 %1/owners：请检查数据文件夹的权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot lock %1</source>
        <translation>无法锁定 %1</translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_support.cpp" line="-48"/>
        <source>%1: cannot read the inventory (%2): not %3</source>
        <translation>%1：无法读取清单（%2）：未执行 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was released by another actor since it was read: not %2</source>
        <translation>%1 在读取后已被其他操作方释放：未执行 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2 now (another actor changed it since it was read): not %3</source>
        <translation>%1 现在为 %2（读取后已被其他操作方更改）：未执行 %3</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+1"/>
        <source>marked stopped</source>
        <translation>标记为已停止</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>releasing</source>
        <translation>释放中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine.cpp" line="-12"/>
        <source>no data folder given: the inventory and the cluster secret live there</source>
        <translation>未指定数据文件夹：清单和集群密钥存放在其中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden %1 uses the backend &apos;%2&apos;, which this build does not have</source>
        <translation>母版 %1 使用后端 &apos;%2&apos;，但此构建不包含该后端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 is running: another process holds the write lock on its disk, which is changing under any copy. Shut it down from inside the guest (poweroff), or find the process: fuser -v %2</source>
        <translation>母版 %1 正在运行：另一个进程持有其磁盘的写锁，该磁盘在任何复制过程中都会变化。请在客户机内部将其关闭（poweroff），或找出该进程：fuser -v %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden %1 changed since it was added: %2. Clones made now would differ from those made before (and linked clones of it see the change). If the change is meant, accept it: vmeclone golden refresh %1</source>
        <translation>母版 %1 自添加以来已发生变化：%2。现在创建的克隆将与之前创建的不同（且其链接克隆也会看到该变化）。如果该变化是有意的，请接受它：vmeclone golden refresh %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/engine/engine_goldens.cpp" line="+14"/>
        <location filename="../../core/engine/engine_template.cpp" line="+25"/>
        <source>no golden image named &apos;%1&apos;: see &apos;vmeclone golden list&apos;</source>
        <translation>没有名为 &apos;%1&apos; 的母版镜像：请参见 &apos;vmeclone golden list&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/inventory/inventory_shards.cpp" line="+13"/>
        <source>shard weight %1 must be a finite number greater than 0</source>
        <translation>磁盘分片权重 %1 必须是大于 0 的有限数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard path %1 contains &apos;,&apos;, which QEMU&apos;s options cannot carry: use a folder without commas</source>
        <translation>磁盘分片路径 %1 包含 &apos;,&apos;，QEMU 的选项无法传递该字符：请使用不含逗号的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the shard path contains control characters: use a plain folder name</source>
        <translation>磁盘分片路径包含控制字符：请使用普通的文件夹名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a folder: create it first (mkdir -p %1)</source>
        <translation>%1 不是文件夹：请先创建它（mkdir -p %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no golden image: add one first</source>
        <translation>没有母版镜像：请先添加一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there are %1 golden images (%2): choose one</source>
        <translation>共有 %1 个母版镜像（%2）：请选择一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clone mode &apos;%1&apos; is unknown: use linked, full or instant</source>
        <translation>未知的克隆模式 &apos;%1&apos;：请使用 linked、full 或 instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says what VMware Workstation lacks)</source>
        <translation>母版 %1 是 VMware 母版：即时克隆需要 QEMU（docs/instant-clones.md 说明了 VMware Workstation 缺少什么）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/engine/engine_template.cpp" line="+2"/>
        <source>the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says what VMware Workstation lacks); clone it linked</source>
        <translation>母版 %1 是 VMware 母版：即时克隆需要 QEMU（docs/instant-clones.md 说明了 VMware Workstation 缺少什么）；请改用链接克隆</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>linked clones made by VMware are for VMware goldens; %1 is a QEMU golden</source>
        <translation>由 VMware 创建的链接克隆仅适用于 VMware 母版；%1 是 QEMU 母版</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-12"/>
        <source>VMware makes linked clones only (vmrun clone ... linked), not %1 ones</source>
        <translation>VMware 只能创建链接克隆（vmrun clone ... linked），不能创建 %1 克隆</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot delete %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 was removed since the plan was made</source>
        <translation>母版 %1 在制定计划后已被移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no instant clone: %1</source>
        <translation>没有即时克隆：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/engine/engine_guests.cpp" line="+23"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+36"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>cancelled: not %1</source>
        <translation>已取消：未 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>its golden image is missing</source>
        <translation>其母版镜像不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1 is %2 by another batch: wait for it or cancel it</source>
        <translation>%1 正被另一批次 %2：请等待其完成或将其取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1: nothing was done</source>
        <translation>%1：未执行任何操作</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_goldens.cpp" line="+2"/>
        <source>the golden %1 is a QEMU golden: its guests reach this host at QEMU&apos;s own host address, and only a VMware golden has a console address</source>
        <translation>母版 %1 是 QEMU 母版：其客户机通过 QEMU 自身的主机地址访问本主机，只有 VMware 母版才有控制台地址</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_guests.cpp" line="-4"/>
        <source>only QEMU guests are asked (through qemu-guest-agent)</source>
        <translation>只会询问 QEMU 客户机（通过 qemu-guest-agent）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not running (%1)</source>
        <translation>未运行（%1）</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_service.cpp" line="-426"/>
        <source>the engine service is already open</source>
        <translation>引擎服务已打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the engine is not open</source>
        <translation>引擎未打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a shard&apos;s weight must be greater than 0, not %1</source>
        <translation>磁盘分片的权重必须大于 0，而不是 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this build has no %1 backend</source>
        <translation>此构建没有 %1 后端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone needs a plan</source>
        <translation>克隆需要一个计划</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1: nothing was deleted</source>
        <translation>%1：未删除任何内容</translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_template.cpp" line="+4"/>
        <source>cannot create %1: check the data folder&apos;s permissions</source>
        <translation>无法创建 %1：请检查数据文件夹的权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another vmeclone is making the template of %1 (%2): try again when it has finished</source>
        <translation>另一个 vmeclone 正在制作 %1 的模板（%2）：请在其完成后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the template of %1 was made for other devices than this vmeclone gives VMs, and %2 instant clones still use it: release them first (vmeclone release %3)</source>
        <translation>%1 的模板是为与此 vmeclone 提供给虚拟机的设备不同的设备制作的，且仍有 %2 个即时克隆在使用它：请先释放它们（vmeclone release %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the template of %1 was made from its files as they were before they changed, and %2 instant clones still use it: release them first (vmeclone release %3)</source>
        <translation>%1 的模板是根据其文件变化之前的状态制作的，且仍有 %2 个即时克隆在使用它：请先释放它们（vmeclone release %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot remove the old template %1: check its permissions</source>
        <translation>无法删除旧模板 %1：请检查其权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-519"/>
        <location filename="../../core/hypervisor/qemu_machine.cpp" line="+52"/>
        <location filename="../../core/vmx/vmx_document.cpp" line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 instant clones use the template of %2: release them first (vmeclone release %3)</source>
        <translation>有 %1 个即时克隆在使用 %2 的模板：请先释放它们（vmeclone release %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden %1 was removed but its template %2 could not be: remove that folder</source>
        <translation>母版 %1 已移除，但其模板 %2 未能移除：请手动删除该文件夹</translation>
    </message>
    <message>
        <location filename="../../core/golden/debugfs.cpp" line="+20"/>
        <source>debugfs not found: install e2fsprogs (it reads the golden&apos;s files without mounting its disk)</source>
        <translation>未找到 debugfs：请安装 e2fsprogs（它无需挂载母版的磁盘即可读取其文件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: debugfs cannot open a file whose name holds &apos;?&apos; or &apos;&quot;&apos;: rename it</source>
        <translation>%1：debugfs 无法打开名称中含有 &apos;?&apos; 或 &apos;&quot;&apos; 的文件：请将其重命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: a folder whose name holds &apos;&quot;&apos; cannot receive debugfs&apos; files</source>
        <translation>%1：名称中含有 &apos;&quot;&apos; 的文件夹无法接收 debugfs 的文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the folder %1 for the golden&apos;s files</source>
        <translation>无法为母版的文件创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write debugfs&apos; command file in %1</source>
        <translation>无法在 %1 中写入 debugfs 的命令文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/golden/golden_check.cpp" line="-12"/>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debugfs did not finish reading %1 within %2 s and was stopped</source>
        <translation>debugfs 未能在 %2 秒内读完 %1，已被停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>debugfs cannot open the file system at byte %1 of %2: %3</source>
        <translation>debugfs 无法打开 %2 中位于字节 %1 处的文件系统：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>debugfs failed on %1 (exit %2): %3</source>
        <translation>debugfs 处理 %1 时失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location filename="../../core/golden/golden_check.cpp" line="+1"/>
        <source>qemu-img did not finish converting %1 within an hour and was stopped</source>
        <translation>qemu-img 未能在一小时内完成 %1 的转换，已被停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qemu-img cannot read %1: %2</source>
        <translation>qemu-img 无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading %1 needs a raw copy of about %2 in %3, which has %4 free: give a temporary folder on a file system with room</source>
        <translation>读取 %1 需要在 %3 中创建约 %2 的原始副本，但该处仅有 %4 可用空间：请在空间充足的文件系统上指定一个临时文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot make a link to %1 in %2</source>
        <translation>无法在 %2 中创建指向 %1 的链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist: give the golden&apos;s machine description (.json) or its .vmx</source>
        <translation>%1 不存在：请提供母版的机器描述（.json）或其 .vmx</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a file: give the golden&apos;s machine description (.json) or its .vmx</source>
        <translation>%1 不是文件：请提供母版的机器描述（.json）或其 .vmx</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is neither a QEMU machine description (.json) nor a VMware .vmx</source>
        <translation>%1 既不是 QEMU 机器描述（.json），也不是 VMware .vmx</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 names the disk %2, which does not exist</source>
        <translation>%1 指定的磁盘 %2 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 names no hard disk: nothing to clone</source>
        <translation>%1 未指定任何硬盘：没有可克隆的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create a temporary folder in %1 (%2): give another</source>
        <translation>无法在 %1 中创建临时文件夹（%2）：请指定其他位置</translation>
    </message>
    <message>
        <location filename="../../core/golden/golden_fingerprint.cpp" line="+2"/>
        <source>cannot read %1: it is gone or unreadable</source>
        <translation>无法读取 %1：它已不存在或不可读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden&apos;s stored fingerprint is not readable: re-accept the golden&apos;s files with &apos;vmeclone golden refresh NAME&apos;</source>
        <translation>母版存储的指纹无法读取：请使用 &apos;vmeclone golden refresh NAME&apos; 重新接受母版的文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is no longer one of its files</source>
        <translation>%1 已不再是其文件之一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed size (%2 bytes, was %3)</source>
        <translation>%1 的大小已改变（%2 字节，原为 %3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was written at %2 (it was last written at %3 when accepted)</source>
        <translation>%1 的写入时间为 %2（接受时其最后写入时间为 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has other content with the same size and time</source>
        <translation>%1 的大小和时间相同，但内容不同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a new file of it</source>
        <translation>%1 是其新增的文件</translation>
    </message>
    <message>
        <location filename="../../core/golden/partition_table.cpp" line="+15"/>
        <source>%1 has a protective MBR but no GPT header at sector 1: the partition table is damaged (check it with &apos;sfdisk --verify&apos; on a raw copy)</source>
        <translation>%1 有保护性 MBR，但扇区 1 处没有 GPT 头：分区表已损坏（请在原始副本上用 &apos;sfdisk --verify&apos; 检查）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the GPT header gives %2 partition entries of %3 bytes: the table is damaged</source>
        <translation>%1：GPT 头声明有 %2 个 %3 字节的分区项：分区表已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the GPT partition entries lie beyond the end of the disk</source>
        <translation>%1：GPT 分区项位于磁盘末尾之外</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: GPT partition %2 ends beyond the disk or before it starts</source>
        <translation>%1：GPT 分区 %2 的结束位置超出磁盘或早于其起始位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: MBR partition %2 starts beyond the end of the disk</source>
        <translation>%1：MBR 分区 %2 的起始位置超出磁盘末尾</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the chain of logical partitions does not end</source>
        <translation>%1：逻辑分区链没有终点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the extended boot record at sector %2 is damaged</source>
        <translation>%1：扇区 %2 处的扩展引导记录已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the chain of logical partitions points backwards at sector %2</source>
        <translation>%1：逻辑分区链在扇区 %2 处向回指向</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/guest_view.cpp" line="+19"/>
        <source>the guest agent gave no handle for %1</source>
        <translation>客户机代理没有为 %1 提供句柄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not running</source>
        <translation>%1 未在运行</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-13"/>
        <source>the golden disk %1 is itself an overlay of %2: make it standalone first (qemu-img convert -O qcow2 %1 standalone.qcow2)</source>
        <translation>母版磁盘 %1 本身是 %2 的覆盖层：请先将其转为独立磁盘（qemu-img convert -O qcow2 %1 standalone.qcow2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 says the disk %2 is %3, but it is %4: correct &quot;disk_format&quot;</source>
        <translation>%1 声明磁盘 %2 为 %3，但实际为 %4：请更正 &quot;disk_format&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder %1 is too long for QEMU&apos;s control socket (at most %2 bytes with &apos;/qmp.sock&apos;): use a shard with a shorter path</source>
        <translation>文件夹 %1 的路径对 QEMU 的控制套接字而言过长（加上 &apos;/qmp.sock&apos; 最多 %2 字节）：请使用路径较短的磁盘分片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no usable template of %1 in %2 (%3): make it with &apos;vmeclone golden template %1&apos;</source>
        <translation>%2 中没有可用的 %1 模板（%3）：请使用 &apos;vmeclone golden template %1&apos; 制作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the folder %1 is too long for QEMU&apos;s control socket: use a data folder with a shorter path</source>
        <translation>文件夹 %1 的路径对 QEMU 的控制套接字而言过长：请使用路径较短的数据文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already exists: remove the old template first</source>
        <translation>%1 已存在：请先删除旧模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the template folder %1</source>
        <translation>无法创建模板文件夹 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot make the template of %1: %2</source>
        <translation>无法制作 %1 的模板：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the template VM ended before it was ready: see %1</source>
        <translation>模板虚拟机在就绪前已结束：请查看 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden&apos;s agent has no template mode: it took an identity or rebooted instead of stopping (see %1); install a vmeclone-agent with template mode in the golden, or clone it cold</source>
        <translation>母版的代理没有模板模式：它应用了身份或重新启动，而没有停止（参见 %1）；请在母版中安装带模板模式的 vmeclone-agent，或改用冷克隆</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its agent did not say &quot;%1&quot; within %2 s (see %3): is it an agent with template mode?</source>
        <translation>其代理未在 %2 秒内发出 &quot;%1&quot;（参见 %3）：它是带模板模式的代理吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/qemu_instant.cpp" line="+27"/>
        <source>qemu-system-x86_64 not found: install qemu-system-x86</source>
        <translation>未找到 qemu-system-x86_64：请安装 qemu-system-x86</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QEMU for %1 did not finish starting within 60 s</source>
        <translation>%1 的 QEMU 未在 60 秒内完成启动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not start %1: exit code %2</source>
        <translation>QEMU 无法启动 %1：退出码 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not start %1: %2</source>
        <translation>QEMU 无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU started %1 but its process is gone: see %2</source>
        <translation>QEMU 已启动 %1，但其进程已消失：请查看 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not resume from its template: %2</source>
        <translation>%1 无法从其模板恢复运行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU of %1 (pid %2) survives SIGKILL</source>
        <translation>%1 的 QEMU（pid %2）在 SIGKILL 后仍未退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+30"/>
        <source>%1 is still running: stop it before deleting its files</source>
        <translation>%1 仍在运行：请先将其停止，再删除其文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not look like a vmeclone clone (no machine.json): not deleting it</source>
        <translation>%1 看起来不是 vmeclone 克隆（没有 machine.json）：不会删除它</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+7"/>
        <source>cannot delete %1 completely: check its permissions</source>
        <translation>无法完全删除 %1：请检查其权限</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_instant.cpp" line="-11"/>
        <source>this QEMU cannot leave shared RAM out of a saved state (x-ignore-shared): %1</source>
        <translation>此 QEMU 无法在保存的状态中排除共享内存（x-ignore-shared）：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: QEMU says %2</source>
        <translation>%1：QEMU 报告 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: QEMU says %2 (%3)</source>
        <translation>%1：QEMU 报告 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity is %1 bytes, more than the %2 an instant clone&apos;s fixed-size identity holds: shorten its hostname or DNS list</source>
        <translation>身份信息为 %1 字节，超过了即时克隆固定大小的身份信息所能容纳的 %2：请缩短其主机名或 DNS 列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 did not answer: %3</source>
        <translation>%1 %2 未响应：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no memory-backend-file object: instant clones need QEMU 5.0 or later built with it</source>
        <translation>%1 没有 memory-backend-file 对象：即时克隆需要构建时包含该对象的 QEMU 5.0 或更高版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no vmgenid device: a resumed clone&apos;s random generator could not be told to reseed; instant clones need it</source>
        <translation>%1 没有 vmgenid 设备：无法通知恢复运行的克隆的随机数生成器重新播种；即时克隆需要该设备</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>saving the template&apos;s state to %1</source>
        <translation>正在将模板的状态保存到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading the template&apos;s state %1</source>
        <translation>正在加载模板的状态 %1</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_machine.cpp" line="-32"/>
        <source>%1: &quot;%2&quot; must be a whole number, not %3</source>
        <translation>%1：&quot;%2&quot; 必须是整数，而不是 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &quot;%2&quot; %3 is out of range (%4 to %5)</source>
        <translation>%1：&quot;%2&quot; %3 超出范围（%4 到 %5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the machine description %1: %2</source>
        <translation>无法读取机器描述 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a machine description (over 1 MiB)</source>
        <translation>%1 不是机器描述（超过 1 MiB）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not valid JSON (%2 at offset %3)</source>
        <translation>%1 不是有效的 JSON（偏移量 %3 处：%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a JSON object</source>
        <translation>%1 不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a vmeclone QEMU machine description (&quot;format&quot; must be &quot;%2&quot;)</source>
        <translation>%1 不是 vmeclone QEMU 机器描述（&quot;format&quot; 必须为 &quot;%2&quot;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: machine description version %2 is not supported (this vmeclone reads 1)</source>
        <translation>%1：不支持机器描述版本 %2（此 vmeclone 只能读取版本 1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names no &quot;disk&quot;</source>
        <translation>%1 未指定 &quot;disk&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the kernel %2 does not exist</source>
        <translation>%1：内核 %2 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the initrd %2 does not exist</source>
        <translation>%1：initrd %2 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the disk %2 does not exist</source>
        <translation>%1：磁盘 %2 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &quot;disk_interface&quot; must be virtio, ide or scsi</source>
        <translation>%1：&quot;disk_interface&quot; 必须为 virtio、ide 或 scsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: &quot;disk_format&quot; %2 is not a QEMU image format name</source>
        <translation>%1：&quot;disk_format&quot; %2 不是 QEMU 镜像格式名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;nic_model&quot; %2 is not a QEMU device name</source>
        <translation>%1：&quot;nic_model&quot; %2 不是 QEMU 设备名称</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_resume.cpp" line="-111"/>
        <source>%1&apos;s QEMU was loading its template&apos;s state when the process that started it ended, and the load ended %2</source>
        <translation>启动 %1 的 QEMU 的进程结束时，该 QEMU 正在加载其模板的状态，加载结果：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1&apos;s QEMU, launched to resume its template, is &apos;%2&apos;</source>
        <translation>%1 的 QEMU（为恢复其模板而启动）状态为 &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qmp_client.cpp" line="+15"/>
        <source>cannot connect to QEMU&apos;s control socket %1: %2</source>
        <translation>无法连接到 QEMU 的控制套接字 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not greet as QMP</source>
        <translation>%1 未发送 QMP 问候</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot connect to the guest agent&apos;s channel %1: %2</source>
        <translation>无法连接到客户机代理的通道 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no guest agent answers on %1 within %2 ms: the guest runs no qemu-guest-agent, or it has not started yet</source>
        <translation>%2 毫秒内 %1 上没有客户机代理应答：客户机未运行 qemu-guest-agent，或它尚未启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QEMU sent something that is not QMP on %1</source>
        <translation>QEMU 在 %1 上发送了非 QMP 的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent sent something that is not QMP on %1</source>
        <translation>客户机代理在 %1 上发送了非 QMP 的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU closed its control socket %1</source>
        <translation>QEMU 关闭了其控制套接字 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent closed its channel %1</source>
        <translation>客户机代理关闭了其通道 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not answer on %1 within %2 ms</source>
        <translation>QEMU 未在 %2 毫秒内在 %1 上应答</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent did not answer on %1 within %2 ms</source>
        <translation>客户机代理未在 %2 毫秒内在 %1 上应答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot send %1 to QEMU: its control socket %2 is closed</source>
        <translation>无法向 QEMU 发送 %1：其控制套接字 %2 已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot send %1 to the guest agent: its channel %2 is closed</source>
        <translation>无法向客户机代理发送 %1：其通道 %2 已关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot send %1 to QEMU on %2: %3</source>
        <translation>无法在 %2 上向 QEMU 发送 %1：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot send %1 to the guest agent on %2: %3</source>
        <translation>无法在 %2 上向客户机代理发送 %1：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU refused %1: %2</source>
        <translation>QEMU 拒绝了 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent refused %1: %2</source>
        <translation>客户机代理拒绝了 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for QEMU&apos;s %1 event: %2</source>
        <translation>等待 QEMU 的 %1 事件：%2</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmrun.cpp" line="-255"/>
        <source>vmrun not found on PATH nor in %1: install VMware Workstation Pro, or give its path. %2</source>
        <translation>在 PATH 和 %1 中均未找到 vmrun：请安装 VMware Workstation Pro，或提供其路径。%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vmrun ships with VMware Workstation Pro (free for all use since November 2024; download it from Broadcom&apos;s support portal, support.broadcom.com, under VMware Workstation Pro). VMware Workstation Player is discontinued and installs no vmrun without the separate VIX API</source>
        <translation>vmrun 随 VMware Workstation Pro 提供（自 2024 年 11 月起可免费用于任何用途；请从 Broadcom 支持门户 support.broadcom.com 的 VMware Workstation Pro 下下载）。VMware Workstation Player 已停止提供，且不单独安装 VIX API 就不会附带 vmrun</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>VMware Workstation&apos;s program %1 is installed</source>
        <translation>已安装 VMware Workstation 的程序 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only VMware Player is installed (%1, no Workstation program %2 beside %3 or on PATH): Player&apos;s vmrun -T player cannot clone or snapshot</source>
        <translation>仅安装了 VMware Player（%1，%3 旁和 PATH 中都没有 Workstation 程序 %2）：Player 的 vmrun -T player 无法克隆或创建快照</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>neither Workstation&apos;s %1 nor Player&apos;s %2 is beside %3 or on PATH: Workstation Pro assumed (Player is discontinued); give the type player for a Player host</source>
        <translation>%3 旁和 PATH 中既没有 Workstation 的 %1，也没有 Player 的 %2：假定为 Workstation Pro（Player 已停止提供）；如为 Player 主机，请指定类型 player</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the vmrun given (%1) is not an executable file</source>
        <translation>指定的 vmrun（%1）不是可执行文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware product type &apos;%1&apos; is unknown: use player (VMware Player) or ws (VMware Workstation)</source>
        <translation>VMware 产品类型 &apos;%1&apos; 未知：请使用 player（VMware Player）或 ws（VMware Workstation）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the vmrun timeout must be positive</source>
        <translation>vmrun 超时时间必须为正数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot run vmrun (%1) for %2: %3</source>
        <translation>无法为 %2 运行 vmrun（%1）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmrun %1 did not finish within %2 s: killed it. VMware may be waiting for an answer in the VM&apos;s window, or its services may be stuck</source>
        <translation>vmrun %1 未在 %2 秒内完成：已将其终止。VMware 可能正在虚拟机窗口中等待应答，或其服务可能已卡住</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun %1 crashed: %2</source>
        <translation>vmrun %1 崩溃：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun %1 failed (exit code %2): it printed nothing</source>
        <translation>vmrun %1 失败（退出码 %2）：没有任何输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun %1 failed (exit code %2): %3</source>
        <translation>vmrun %1 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmrun -T %1 has no clone command: linked clones by vmrun need VMware Workstation Pro (-T ws, free since November 2024); let vmeclone link the disks itself instead</source>
        <translation>vmrun -T %1 没有 clone 命令：通过 vmrun 创建链接克隆需要 VMware Workstation Pro（-T ws，自 2024 年 11 月起免费）；请改为让 vmeclone 自行链接磁盘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun getGuestIPAddress %1 printed &apos;%2&apos;, not an IPv4 address</source>
        <translation>vmrun getGuestIPAddress %1 输出了 &apos;%2&apos;，不是 IPv4 地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun list printed &apos;%1&apos;, not &apos;Total running VMs: N&apos; and the VMs: is this VMware&apos;s vmrun?</source>
        <translation>vmrun list 输出了 &apos;%1&apos;，而不是 &apos;Total running VMs: N&apos; 及虚拟机列表：这是 VMware 的 vmrun 吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun list said %1 running VMs but listed %2: %3</source>
        <translation>vmrun list 称有 %1 台正在运行的虚拟机，但列出了 %2 台：%3</translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-63"/>
        <source>no console address for VMware guests: give this host&apos;s address on the VMs&apos; network, where the listener receives their announcements</source>
        <translation>VMware 客户机没有控制台地址：请提供本主机在虚拟机网络上的地址，监听器在该地址接收它们的通告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the console address &apos;%1&apos; is not an IPv4 address</source>
        <translation>控制台地址 &apos;%1&apos; 不是 IPv4 地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the console address %1 is the golden&apos;s own address of %2: give this host&apos;s own address on the VMs&apos; network</source>
        <translation>控制台地址 %1 是母版在 %2 中自身的地址：请提供本主机自己在虚拟机网络上的地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the console address %1 is not a host address of %2: give this host&apos;s own address on the VMs&apos; network</source>
        <translation>控制台地址 %1 不是 %2 中的主机地址：请提供本主机自己在虚拟机网络上的地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the console address %1 is outside %2 and the golden %3 has no gateway, so its clones could not reach it: give an address in %2, or add the golden with a gateway</source>
        <translation>控制台地址 %1 不在 %2 内，且母版 %3 没有网关，其克隆将无法访问该地址：请提供 %2 内的地址，或添加带网关的母版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no hard disk: there is nothing to clone</source>
        <translation>%1 没有硬盘：没有可克隆的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2): %3 maps a raw device (createType &quot;%4&quot;): only disks kept in files can be cloned; convert it to a virtual disk in VMware</source>
        <translation>%1（%2）：%3 映射了原始设备（createType &quot;%4&quot;）：只有保存在文件中的磁盘才能克隆；请在 VMware 中将其转换为虚拟磁盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clone mode &apos;%1&apos; is unknown: use linked or full</source>
        <translation>克隆模式 &apos;%1&apos; 未知：请使用 linked 或 full</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone&apos;s configuration would be %1, not %2</source>
        <translation>克隆的配置将为 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot copy %1 into %2: check the shard&apos;s free space and permissions</source>
        <translation>无法将 %1 复制到 %2：请检查磁盘分片的可用空间和权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>linked clones made by VMware need vmrun -T ws (VMware Workstation Pro, free since November 2024); this host&apos;s is -T %1 (%2), which has no clone command: let vmeclone link the disks itself instead</source>
        <translation>由 VMware 创建链接克隆需要 vmrun -T ws（VMware Workstation Pro，自 2024 年 11 月起免费）；本主机的为 -T %1（%2），没有 clone 命令：请改为让 vmeclone 自行链接磁盘</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden %1: its snapshot &quot;%2&quot; has no %3 (the disk %4 came later), so vmrun&apos;s clone would lack it: take a new snapshot</source>
        <translation>母版 %1：其快照 &quot;%2&quot; 中没有 %3（磁盘 %4 是之后添加的），因此 vmrun 的克隆将缺少它：请创建新快照</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun reported the clone %1 made, but %2 cannot be read: %3</source>
        <translation>vmrun 报告克隆 %1 已创建，但无法读取 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no configuration file %2: release it and clone it again</source>
        <translation>%1 没有配置文件 %2：请将其释放后重新克隆</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 still runs after a hard stop: stop it in VMware</source>
        <translation>%1 在强制停止后仍在运行：请在 VMware 中将其停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a vmeclone clone (no guestinfo.vmeclone.instance): not deleting %2</source>
        <translation>%1 不是 vmeclone 克隆（没有 guestinfo.vmeclone.instance）：不删除 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 belongs to another clone (instance %2, not %3): not deleting %4</source>
        <translation>%1 属于另一个克隆（实例 %2，而非 %3）：不删除 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot tell whether %1 runs, so its files stay: %2</source>
        <translation>无法确定 %1 是否在运行，因此保留其文件：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not look like a vmeclone clone (no %2.vmx): not deleting it</source>
        <translation>%1 看起来不像 vmeclone 克隆（没有 %2.vmx）：不删除它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VMware has %1 open (%2 in %3): close it in VMware first</source>
        <translation>VMware 已打开 %1（%3 中的 %2）：请先在 VMware 中将其关闭</translation>
    </message>
    <message>
        <location filename="../../core/identity/cluster_secret.cpp" line="+23"/>
        <source>cluster secret %1 is not a file: move it out of the way to create a new secret, or restore the file from a backup</source>
        <translation>集群密钥 %1 不是文件：请将其移开以创建新密钥，或从备份中恢复该文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the cluster secret %1: %2</source>
        <translation>无法读取集群密钥 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cluster secret %1 is open to group or others (mode %2): run &apos;chmod 600 %1&apos;</source>
        <translation>集群密钥 %1 对组或其他用户开放（权限 %2）：请运行 &apos;chmod 600 %1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cluster secret %1 has %2 bytes, not %3: restore it from a backup (deleting it creates a new secret, and every existing clone&apos;s key changes)</source>
        <translation>集群密钥 %1 有 %2 字节，而不是 %3 字节：请从备份中恢复（删除它会创建新密钥，所有现有克隆的密钥都会改变）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no file named for the cluster secret: pass its path</source>
        <translation>未指定集群密钥的文件名：请传入其路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the folder %1 for the cluster secret: check its permissions</source>
        <translation>无法为集群密钥创建文件夹 %1：请检查其权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the cluster secret %1: %2</source>
        <translation>无法创建集群密钥 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the cluster secret %1: %2</source>
        <translation>无法写入集群密钥 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the cluster secret %1: renaming %2 failed</source>
        <translation>无法创建集群密钥 %1：重命名 %2 失败</translation>
    </message>
    <message>
        <location filename="../../core/inventory/clone_marker.cpp" line="+20"/>
        <source>cannot write in %1: %2</source>
        <translation>无法在 %1 中写入：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already and is not in the inventory: move it away or remove it</source>
        <translation>%1 已存在且不在清单中：请将其移走或删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the folder %1: check the shard&apos;s permissions</source>
        <translation>无法创建文件夹 %1：请检查磁盘分片的权限</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="-791"/>
        <source>cannot create the inventory %1: %2</source>
        <translation>无法创建清单 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the inventory %1 is empty (0 bytes) although its data folder has a cluster secret: it was truncated. Restore it from a backup, or move it away to start with an empty inventory</source>
        <translation>清单 %1 为空（0 字节），但其数据文件夹中有集群密钥：清单已被截断。请从备份中恢复，或将其移走以从空清单开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the inventory file %1 is readable by others and cannot be made private: %2 (chmod o-rwx %1)</source>
        <translation>清单文件 %1 可被其他用户读取，且无法设为私有：%2（chmod o-rwx %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data folder %1 is full (%2 free) and the inventory&apos;s journal holds changes not yet merged: free some space there, then run the command again</source>
        <translation>数据文件夹 %1 已满（剩余 %2），且清单的日志中有尚未合并的更改：请在其中释放一些空间，然后重新运行该命令</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the data folder %1 is full (%2 free) and the inventory cannot be read: %3</source>
        <translation>数据文件夹 %1 已满（剩余 %2），且无法读取清单：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data folder %1 is full (%2 free) and its inventory needs an upgrade: free some space there, then run the command again</source>
        <translation>数据文件夹 %1 已满（剩余 %2），且其清单需要升级：请在其中释放一些空间，然后重新运行该命令</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the data folder %1 is full (%2 free): only list, plan, export, golden list and shard list work until some space is freed there</source>
        <translation>数据文件夹 %1 已满（剩余 %2）：在其中释放空间之前，只有 list、plan、export、golden list 和 shard list 可用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the folder of the inventory %1: check its parent&apos;s permissions</source>
        <translation>无法创建清单 %1 所在的文件夹：请检查其父文件夹的权限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open the inventory %1: %2</source>
        <translation>无法打开清单 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inventory %1: %2</source>
        <translation>清单 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has schema %1, newer than this vmeclone understands (%2): use a newer vmeclone</source>
        <translation>其架构版本为 %1，比此 vmeclone 能识别的版本（%2）更新：请使用更新版本的 vmeclone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot upgrade to schema %1: %2</source>
        <translation>无法升级到架构版本 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory %1: it names no data folder id</source>
        <translation>清单 %1：未指定数据文件夹 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&apos;s subnet %2 overlaps %3, the subnet of the golden image &apos;%4&apos;: give the NIC a network of its own</source>
        <translation>%1 的子网 %2 与母版镜像 &apos;%4&apos; 的子网 %3 重叠：请为该网卡分配独立的网络</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1&apos;s subnet %2 overlaps %3 on %4 of the golden image &apos;%5&apos;, whose clones could take the same addresses: give the NIC a network of its own</source>
        <translation>%1 的子网 %2 与母版镜像 &apos;%5&apos; 在 %4 上的 %3 重叠，其克隆可能获得相同的地址：请为该网卡分配独立的网络</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the subnet %1 overlaps %2, the subnet of %3 of the golden image &apos;%4&apos;: give the golden a network of its own</source>
        <translation>子网 %1 与母版镜像 &apos;%4&apos; 的 %3 的子网 %2 重叠：请为该母版分配独立的网络</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a golden image named &apos;%1&apos; exists already: choose another name</source>
        <translation>名为 &apos;%1&apos; 的母版镜像已存在：请另选名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already the golden image &apos;%2&apos;</source>
        <translation>%1 已是母版镜像 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is already the address of the golden image &apos;%2&apos;</source>
        <translation>%1 已是母版镜像 &apos;%2&apos; 的地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in use by the VM %2</source>
        <translation>%1 正被虚拟机 %2 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot add the golden image &apos;%1&apos;: %2</source>
        <translation>无法添加母版镜像 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no golden image with id %1</source>
        <translation>没有 ID 为 %1 的母版镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 VMs are clones of this golden image: release them first</source>
        <translation>%1 台虚拟机是此母版镜像的克隆：请先将其释放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot reserve %1: %2</source>
        <translation>无法预留 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no VM with id %1 in the inventory</source>
        <translation>清单中没有 ID 为 %1 的虚拟机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write %1&apos;s state to the inventory: %2</source>
        <translation>无法将 %1 的状态写入清单：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot remove %1 from the inventory: %2</source>
        <translation>无法从清单中移除 %1：%2</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="-11"/>
        <source>host weight %1 must be a finite number greater than 0</source>
        <translation>主机权重 %1 必须是大于 0 的有限数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a host named &apos;%1&apos; exists already: see &apos;vmeclone host list&apos;</source>
        <translation>名为 &apos;%1&apos; 的主机已存在：请参阅 &apos;vmeclone host list&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot add the host &apos;%1&apos;: %2</source>
        <translation>无法添加主机 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory: cannot count the host&apos;s VMs</source>
        <translation>清单：无法统计该主机的虚拟机数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 VMs live on the host &apos;%2&apos;: release them first</source>
        <translation>主机 &apos;%2&apos; 上有 %1 台虚拟机：请先将其释放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inventory: cannot reserve the cluster&apos;s addresses: %1</source>
        <translation>清单：无法预留集群的地址：%1</translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_shards.cpp" line="+3"/>
        <source>%1 is already a disk shard</source>
        <translation>%1 已是磁盘分片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot add the shard %1: %2</source>
        <translation>无法添加磁盘分片 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no shard with id %1</source>
        <translation>没有 ID 为 %1 的磁盘分片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the shard %1 is labelled &apos;%2&apos; already: labels tell shards apart, choose another</source>
        <translation>磁盘分片 %1 已标记为 &apos;%2&apos;：标签用于区分磁盘分片，请另选一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 VMs live on this shard: release them first</source>
        <translation>此磁盘分片上有 %1 台虚拟机：请先将其释放</translation>
    </message>
    <message>
        <location filename="../../core/placement/placement.cpp" line="-182"/>
        <source>disk shard %1 has weight %2: give it a weight above 0</source>
        <translation>磁盘分片 %1 的权重为 %2：请为其设置大于 0 的权重</translation>
    </message>
    <message>
        <location filename="../../core/placement/shard.cpp" line="+21"/>
        <source>the shard label &apos;%1&apos; is longer than 32 characters: choose a shorter one</source>
        <translation>磁盘分片标签 &apos;%1&apos; 超过 32 个字符：请选择更短的标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard label &apos;%1&apos; contains &apos;/&apos;: a label must not read as a path</source>
        <translation>磁盘分片标签 &apos;%1&apos; 包含 &apos;/&apos;：标签不能看起来像路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard label contains control characters (newlines, terminal escapes): choose a plain one</source>
        <translation>磁盘分片标签包含控制字符（换行符、终端转义序列）：请选择不含这些字符的普通标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the disk shard has no folder: remove it and add it again with &apos;vmeclone shard add DIR&apos;</source>
        <translation>该磁盘分片没有文件夹：请删除它，然后用 &apos;vmeclone shard add DIR&apos; 重新添加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disk shard folder %1 does not exist: create it, mount its drive, or remove the shard</source>
        <translation>磁盘分片文件夹 %1 不存在：请创建该文件夹、挂载其所在驱动器，或删除该磁盘分片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disk shard %1 is not a folder: point the shard at a folder</source>
        <translation>磁盘分片 %1 不是文件夹：请将该磁盘分片指向一个文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard folder %1 is not writable: fix its permissions or mount its drive read-write</source>
        <translation>磁盘分片文件夹 %1 不可写：请修正其权限，或以读写方式挂载其所在驱动器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the free space of disk shard folder %1: check that its drive is mounted</source>
        <translation>无法读取磁盘分片文件夹 %1 的可用空间：请检查其所在驱动器是否已挂载</translation>
    </message>
    <message>
        <location filename="../../core/vmdk/sparse_extent_header.cpp" line="+14"/>
        <source>%1 is not a sparse VMDK extent: it does not start with &quot;KDMV&quot;</source>
        <translation>%1 不是稀疏 VMDK 区段：它不以 &quot;KDMV&quot; 开头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is truncated: its sparse header needs %2 bytes and the file has %3; the copy is incomplete, copy the disk again</source>
        <translation>%1 已被截断：其稀疏头需要 %2 字节，而文件只有 %3 字节；副本不完整，请重新复制该磁盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has a damaged sparse header: %2</source>
        <translation>%1 的稀疏头已损坏：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>version %1 (this program reads versions 1 to 3)</source>
        <translation>版本 %1（本程序可读取版本 1 到 3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was damaged by a text-mode transfer (its line-end check bytes are changed): copy it again in binary mode</source>
        <translation>%1 已因文本模式传输而损坏（其换行检查字节已被更改）：请以二进制模式重新复制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>grain size %1 sectors is not a power of two from 8 up</source>
        <translation>粒度块大小 %1 扇区不是不小于 8 的 2 的幂</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 grain table entries per table</source>
        <translation>每个表 %1 个粒度块表项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is truncated or damaged: its embedded descriptor (sectors %2 to %3) lies past the end of the file (%4 sectors)</source>
        <translation>%1 已被截断或损坏：其内嵌描述符（扇区 %2 到 %3）超出了文件末尾（文件共 %4 个扇区）</translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-9"/>
        <source>A name is needed for the cloned disk (e.g. vm177)</source>
        <translation>需要为克隆的磁盘指定名称（例如 vm177）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; cannot name a disk file: use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (not first), without / \ : &quot; * ? &lt; &gt; |</source>
        <translation>&apos;%1&apos; 不能用作磁盘文件名：请使用字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;（&apos;.&apos; 不能在开头），且不能包含 / \ : &quot; * ? &lt; &gt; |</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 exists: another clone to %2 is being made or was interrupted; remove it if none is running</source>
        <translation>%1 已存在：另一个到 %2 的克隆正在进行或已中断；如果没有克隆正在运行，请删除它</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create %1: %2; check that the folder is writable</source>
        <translation>无法创建 %1：%2；请检查该文件夹是否可写</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (in the chain of %2)</source>
        <translation>%1（位于 %2 的链中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a delta disk (parentCID=%2) without a parentFileNameHint: its parent cannot be found</source>
        <translation>%1 是差分磁盘（parentCID=%2），但没有 parentFileNameHint：无法找到其父磁盘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The parent of %1, %2 (parentFileNameHint=&quot;%3&quot;), does not exist: restore it or correct the hint</source>
        <translation>%1 的父磁盘 %2（parentFileNameHint=&quot;%3&quot;）不存在：请恢复该磁盘或更正该提示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (the parent of %2)</source>
        <translation>%1（%2 的父磁盘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer matches its parent %2: it was made when the parent&apos;s CID was %3, and the parent&apos;s CID is now %4 (the parent was written after the child was made); VMware refuses to open such a chain</source>
        <translation>%1 与其父磁盘 %2 已不再匹配：它创建时父磁盘的 CID 为 %3，而父磁盘的 CID 现在为 %4（子磁盘创建后父磁盘又被写入过）；VMware 拒绝打开这样的链</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The chain of parents of %1 loops back to %2</source>
        <translation>%1 的父磁盘链循环回到了 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 maps a raw device (createType &quot;%2&quot;): only disks kept in files can be cloned</source>
        <translation>%1 映射的是裸设备（createType &quot;%2&quot;）：只能克隆存储在文件中的磁盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot clone %1 onto itself: choose another name or folder</source>
        <translation>无法将 %1 克隆到其自身：请选择其他名称或文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot rewrite the descriptor of %1: %2</source>
        <translation>无法重写 %1 的描述符：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 embeds a descriptor naming %2 extents; a sparse file with an embedded descriptor is a disk of one extent</source>
        <translation>%1 内嵌的描述符列出了 %2 个区段；带内嵌描述符的稀疏文件应是只有一个区段的磁盘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The descriptor of the clone of %1 needs %2 bytes, more than the %3 the disk reserves for it</source>
        <translation>%1 的克隆的描述符需要 %2 字节，超过了磁盘为其预留的空间（%3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the descriptor into %1: %2</source>
        <translation>无法将描述符写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent %1 of %2 is missing: %3 (line %4 names &quot;%5&quot;)</source>
        <translation>%2 的区段 %1 缺失：%3（第 %4 行指定为 &quot;%5&quot;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot name the extents of the clone of %1 apart</source>
        <translation>无法为 %1 的克隆的各区段指定互不相同的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent %1 of %2 is missing: %3 (line %4): a linked clone would have nothing to read</source>
        <translation>%2 的区段 %1 缺失：%3（第 %4 行）：链接克隆将无数据可读</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot link %1 to itself: choose another name or folder</source>
        <translation>无法将 %1 链接到其自身：请选择其他名称或文件夹</translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_descriptor.cpp" line="+20"/>
        <source>Cannot open disk %1: %2</source>
        <translation>无法打开磁盘 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a sparse extent without a descriptor (one file of a split disk?): open the disk&apos;s descriptor .vmdk that names it instead</source>
        <translation>%1 是不带描述符的稀疏区段（拆分磁盘中的一个文件？）：请改为打开引用它的磁盘描述符 .vmdk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the descriptor in %1: %2</source>
        <translation>无法读取 %1 中的描述符：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is truncated: its embedded descriptor is cut short; copy the disk again</source>
        <translation>%1 已被截断：其内嵌描述符不完整；请重新复制该磁盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is an old-style sparse extent (COWD) without a descriptor: open the disk&apos;s descriptor .vmdk instead</source>
        <translation>%1 是不带描述符的旧式稀疏区段（COWD）：请改为打开该磁盘的描述符 .vmdk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a VMDK descriptor (%2 bytes, not a small text file): if it is a flat extent, open the descriptor .vmdk that names it</source>
        <translation>%1 不是 VMDK 描述符（%2 字节，不是小型文本文件）：如果它是平面区段，请打开引用它的描述符 .vmdk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is neither a VMDK descriptor nor a sparse VMDK: it holds binary data and does not start with &quot;KDMV&quot;</source>
        <translation>%1 既不是 VMDK 描述符也不是稀疏 VMDK：它包含二进制数据，且不以 &quot;KDMV&quot; 开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is written in the encoding &quot;%2&quot;, which this build cannot read</source>
        <translation>%1 使用编码 &quot;%2&quot; 写成，此版本无法读取该编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent line &apos;%1&apos; has an unterminated quote</source>
        <translation>区段行 &apos;%1&apos; 中有未闭合的引号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected: RW &lt;sectors&gt; SPARSE|FLAT|ZERO|VMFS|VMFSSPARSE &quot;&lt;file&gt;&quot; [offset]</source>
        <translation>预期格式：RW &lt;sectors&gt; SPARSE|FLAT|ZERO|VMFS|VMFSSPARSE &quot;&lt;file&gt;&quot; [offset]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extent line &apos;%1&apos; is incomplete; %2</source>
        <translation>区段行 &apos;%1&apos; 不完整；%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extent line &apos;%1&apos;: &apos;%2&apos; is not a number of sectors; %3</source>
        <translation>区段行 &apos;%1&apos;：&apos;%2&apos; 不是扇区数；%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extent line &apos;%1&apos;: unknown extent type &apos;%2&apos;; %3</source>
        <translation>区段行 &apos;%1&apos;：未知的区段类型 &apos;%2&apos;；%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent line &apos;%1&apos; names no file in double quotes; %2</source>
        <translation>区段行 &apos;%1&apos; 未用双引号指定文件；%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extent line &apos;%1&apos;: &apos;%2&apos; is not an offset in sectors; %3</source>
        <translation>区段行 &apos;%1&apos;：&apos;%2&apos; 不是以扇区为单位的偏移量；%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extent line &apos;%1&apos; has extra words; %2</source>
        <translation>区段行 &apos;%1&apos; 中有多余的内容；%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is not a descriptor line (expected key=value, an extent line such as RW 2048 SPARSE &quot;disk-s001.vmdk&quot;, or a # comment)</source>
        <translation>&apos;%1&apos; 不是描述符行（应为 key=value、形如 RW 2048 SPARSE &quot;disk-s001.vmdk&quot; 的区段行，或 # 注释）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the value of %1 has an unterminated quote</source>
        <translation>%1 的值中有未闭合的引号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a VMDK descriptor: it has no createType line</source>
        <translation>%1 不是 VMDK 描述符：缺少 createType 行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a VMDK descriptor: it has no version line</source>
        <translation>%1 不是 VMDK 描述符：缺少 version 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no CID line: VMware cannot open a disk without its content id</source>
        <translation>%1 缺少 CID 行：VMware 无法打开没有内容 ID 的磁盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 line %2: %3 &apos;%4&apos; is not a hexadecimal content id</source>
        <translation>%1 第 %2 行：%3 &apos;%4&apos; 不是十六进制的内容 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 describes no extents: a disk needs at least one line like RW 2048 SPARSE &quot;disk-s001.vmdk&quot;</source>
        <translation>%1 未描述任何区段：磁盘至少需要一行形如 RW 2048 SPARSE &quot;disk-s001.vmdk&quot; 的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no extent %2</source>
        <translation>%1 没有区段 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent %1 of %2 is a ZERO extent and has no file</source>
        <translation>%2 的区段 %1 是 ZERO 区段，没有文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; cannot be an extent file name in a descriptor</source>
        <translation>&apos;%1&apos; 不能用作描述符中的区段文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value &apos;%1&apos; of %2 cannot be written in a VMDK descriptor (no quotes or line breaks)</source>
        <translation>%2 的值 &apos;%1&apos; 无法写入 VMDK 描述符（不能包含引号或换行符）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot be written: the descriptor&apos;s encoding &quot;%2&quot; is not available in this build</source>
        <translation>无法写入 &apos;%1&apos;：此版本不支持描述符的编码 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot be written in the descriptor&apos;s encoding &quot;%2&quot;</source>
        <translation>&apos;%1&apos; 无法用描述符的编码 &quot;%2&quot; 写入</translation>
    </message>
    <message>
        <location filename="../../core/vmx/vm_folder.cpp" line="+17"/>
        <source>%1 is in use: VMware&apos;s lock %2 is in %3. Power the golden off in VMware and try again; if VMware is not running it (the lock is left from a crash), delete %2 first</source>
        <translation>%1 正在使用中：VMware 的锁 %2 位于 %3 中。请在 VMware 中关闭母版的电源后重试；如果 VMware 并未运行它（该锁是崩溃后遗留的），请先删除 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), an ESXi datastore path: copy the VM&apos;s files to this host and point the disk at them</source>
        <translation>%1 指定的磁盘 &quot;%2&quot;（%3.fileName）是 ESXi 数据存储路径：请将该虚拟机的文件复制到本主机，并让磁盘指向这些文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; twice (%3 and %4): VMware cannot open one disk twice; remove one of the devices or give it its own disk</source>
        <translation>%1 两次指定了磁盘 &quot;%2&quot;（%3 和 %4）：VMware 无法将同一磁盘打开两次；请删除其中一个设备，或为其分配单独的磁盘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), which is not in %4: restore the disk or correct the .vmx</source>
        <translation>%1 指定的磁盘 &quot;%2&quot;（%3.fileName）不在 %4 中：请恢复该磁盘或更正 .vmx</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), which does not exist: restore the disk or correct the .vmx</source>
        <translation>%1 指定的磁盘 &quot;%2&quot;（%3.fileName）不存在：请恢复该磁盘或更正 .vmx</translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_clone_rewriter.cpp" line="+20"/>
        <source>the clone has no name: a name is needed for its displayName and files</source>
        <translation>克隆没有名称：其 displayName 和文件都需要名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clone name &apos;%1&apos; cannot be a file name (it contains &apos;a control character&apos;); use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>克隆名称 &apos;%1&apos; 不能用作文件名（包含控制字符）；请使用字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone name &apos;%1&apos; cannot be a file name (it contains &apos;%2&apos;); use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>克隆名称 &apos;%1&apos; 不能用作文件名（包含 &apos;%2&apos;）；请使用字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone name &apos;%1&apos; cannot be a file name on Windows; choose another</source>
        <translation>克隆名称 &apos;%1&apos; 在 Windows 上不能用作文件名；请另选一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIC slot %1 in a /%2 subnet is not a valid input</source>
        <translation>/%2 子网中的网卡槽位 %1 不是有效输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ethernet%1 cannot get a static MAC of its own in a /%2 subnet: the MAC has room for %3 further NIC(s) there; use a subnet of /16 or narrower, or fewer NICs</source>
        <translation>ethernet%1 在 /%2 子网中无法获得专属的静态 MAC：在该子网中 MAC 只够再容纳 %3 个网卡；请使用 /16 或更小的子网，或减少网卡数量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the identity of clone %1 has no valid ip (&apos;%2&apos;)</source>
        <translation>克隆 %1 的身份信息中没有有效的 ip（&apos;%2&apos;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the identity of clone %1 has no valid ip (none)</source>
        <translation>克隆 %1 的身份信息中没有有效的 ip（未设置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 has no valid prefix (&apos;%2&apos;): it needs the subnet&apos;s prefix length, 1 to 32</source>
        <translation>克隆 %1 的身份信息中没有有效的 prefix（&apos;%2&apos;）：需要子网的前缀长度，范围为 1 到 32</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 names the MAC &apos;%2&apos;, but its ip %3 gives %4: the identity and the .vmx would disagree</source>
        <translation>克隆 %1 的身份信息指定了 MAC &apos;%2&apos;，但其 ip %3 对应的是 %4：身份信息将与 .vmx 不一致</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the identity of clone %1 has an invalid gateway &apos;%2&apos;</source>
        <translation>克隆 %1 的身份信息中的网关 &apos;%2&apos; 无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 has an invalid dns server &apos;%2&apos;</source>
        <translation>克隆 %1 的身份信息中的 DNS 服务器 &apos;%2&apos; 无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the identity of clone %1 has the key &apos;%2&apos;, which cannot be a guestinfo name (letters, digits, &apos;-&apos; and &apos;_&apos; only)</source>
        <translation>克隆 %1 的身份信息中的键 &apos;%2&apos; 不能用作 guestinfo 名称（只能包含字母、数字、&apos;-&apos; 和 &apos;_&apos;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 has %2=%3, which is not &lt;mac&gt;[,&lt;ip&gt;/&lt;prefix&gt;]</source>
        <translation>克隆 %1 的身份信息中的 %2=%3 不符合 &lt;mac&gt;[,&lt;ip&gt;/&lt;prefix&gt;] 格式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (clone %2): %3</source>
        <translation>%1（克隆 %2）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 gives %2 the MAC %3, but its ip %4 gives %5: the identity and the .vmx would disagree</source>
        <translation>克隆 %1 的身份信息为 %2 指定了 MAC %3，但其 ip %4 对应的是 %5：身份信息将与 .vmx 不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 describes ethernet%2, which %3 has not as a present NIC after its first</source>
        <translation>克隆 %1 的身份信息描述了 ethernet%2，但在 %3 中它不是第一个网卡之后的现有（present）网卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2.fileName names the disk &quot;%3&quot;, but clone %4 has no file for it: every disk of the golden must be copied or linked for a clone</source>
        <translation>%1：%2.fileName 指定了磁盘 &quot;%3&quot;，但克隆 %4 没有对应的文件：母版的每个磁盘都必须为克隆复制或链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>clone %1: the new file name for the disk &quot;%2&quot; is empty</source>
        <translation>克隆 %1：磁盘 &quot;%2&quot; 的新文件名为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone %1: the disks &quot;%2&quot; and &quot;%3&quot; would both become &quot;%4&quot;</source>
        <translation>克隆 %1：磁盘 &quot;%2&quot; 和 &quot;%3&quot; 都会变成 &quot;%4&quot;</translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_document.cpp" line="-33"/>
        <source>a NUL byte in the line</source>
        <translation>该行中有 NUL 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key before &apos;=&apos; is missing</source>
        <translation>&apos;=&apos; 前缺少键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &apos;=&apos; after the key</source>
        <translation>键后没有 &apos;=&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the closing quote is missing</source>
        <translation>缺少右引号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text after the value</source>
        <translation>值后有多余文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: expected key = &quot;value&quot; (%3): %4</source>
        <translation>%1 第 %2 行：应为 key = &quot;value&quot;（%3）：%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 line %2: .encoding &quot;%3&quot; is not a character set this build can read; save the file as UTF-8 and set .encoding = &quot;UTF-8&quot;</source>
        <translation>%1 第 %2 行：.encoding &quot;%3&quot; 不是此版本可读取的字符集；请将文件另存为 UTF-8，并设置 .encoding = &quot;UTF-8&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file&apos;s .encoding says %1; correct it to the character set the file was written in</source>
        <translation>文件的 .encoding 为 %1；请将其更正为文件实际使用的字符集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file has no .encoding line, so it is read as UTF-8; add .encoding = &quot;windows-1252&quot; (or the character set it was written in) as its first line</source>
        <translation>文件没有 .encoding 行，因此按 UTF-8 读取；请在第一行添加 .encoding = &quot;windows-1252&quot;（或文件实际使用的字符集）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 line %2: the value is not valid %3 (%4)</source>
        <translation>%1 第 %2 行：值不是有效的 %3（%4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: the key is not valid %3 (%4)</source>
        <translation>%1 第 %2 行：键不是有效的 %3（%4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 bytes, too large for a .vmx (they are a few KB): is it the VM&apos;s configuration file?</source>
        <translation>%1 大小为 %2 字节，对 .vmx 而言过大（.vmx 通常只有几 KB）：它确实是虚拟机的配置文件吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot make %1 private: %2</source>
        <translation>无法将 %1 设为私有：%2</translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_snapshots.cpp" line="+14"/>
        <source>take one in Workstation Pro (VM &gt; Snapshot &gt; Take Snapshot) or with `vmrun -T ws snapshot &quot;%1&quot; NAME` while it is off, then let vmeclone accept the golden&apos;s changed files (golden remove and golden add)</source>
        <translation>请在其关机时于 Workstation Pro 中（VM &gt; Snapshot &gt; Take Snapshot）或使用 `vmrun -T ws snapshot &quot;%1&quot; NAME` 拍摄快照，然后让 vmeclone 接受母版已更改的文件（先 golden remove 再 golden add）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no snapshot (no %2): vmrun&apos;s linked clone starts from a snapshot of the golden; %3</source>
        <translation>%1 没有快照（没有 %2）：vmrun 的链接克隆需要从母版的快照开始；%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the snapshot list %1 cannot be read: %2</source>
        <translation>无法读取快照列表 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no current snapshot (%2 names none): vmrun&apos;s linked clone starts from a snapshot of the golden; %3</source>
        <translation>%1 没有当前快照（%2 未指定任何快照）：vmrun 的链接克隆需要从母版的快照开始；%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the current snapshot of %1 (uid %2 in %3) has no name, so vmrun cannot be told which one to clone from: name it in Workstation Pro&apos;s Snapshot Manager</source>
        <translation>%1 的当前快照（%3 中的 uid %2）没有名称，因此无法告诉 vmrun 从哪个快照克隆：请在 Workstation Pro 的快照管理器中为其命名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the current snapshot uid %2 but describes no such snapshot: open the golden&apos;s Snapshot Manager in Workstation Pro, or take a new snapshot</source>
        <translation>%1 指定了当前快照 uid %2，但其中并未描述该快照：请在 Workstation Pro 中打开母版的快照管理器，或拍摄新快照</translation>
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
    <name>vmeclone::HostFeed</name>
    <message>
        <location filename="../../ui/host_feed.cpp" line="+30"/>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>cannot open the inventory to ask the hosts: %1</source>
        <translation>无法打开清单以询问各主机：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot read the hosts: %1</source>
        <translation>无法读取主机列表：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>host %1 cannot be asked: %2</source>
        <translation>无法询问主机 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>host %1 answers again</source>
        <translation>主机 %1 重新应答</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%1: %n VM(s) on host %2</source>
        <translation>
            <numerusform>%1：主机 %2 上的 %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cloning %1 over hosts %2</source>
        <translation>正在主机 %2 上克隆 %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on hosts finished: %2 done, %3 failed</source>
        <translation>%1（各主机）完成：%2 个成功，%3 个失败</translation>
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
        <location filename="../../ui/main_window.cpp" line="+70"/>
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
        <location filename="../../ui/main_window_actions.cpp" line="+81"/>
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
        <location filename="../../ui/main_window_setup.cpp" line="+256"/>
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
        <location filename="../../ui/main_window_batches.cpp" line="+46"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2（%3）：%4</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+3"/>
        <source>The demo golden image could not be added: %1</source>
        <translation>无法添加演示母版镜像：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the disk shard %1 could not be added: %2</source>
        <translation>无法添加磁盘分片 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk shard %1 could not be added: %2</source>
        <translation>无法添加磁盘分片 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
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
        <location line="+22"/>
        <source>%1  %2  on host %3</source>
        <translation>%1  %2  在主机 %3 上</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+61"/>
        <source>Export inventory</source>
        <translation>导出清单</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 is not a report format: name the file .csv, .json, .html, .pdf or .yml (Ansible inventory)</source>
        <translation>%1 不是报表格式：文件名请以 .csv、.json、.html、.pdf 或 .yml（Ansible 清单）结尾</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Cannot export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <location line="-14"/>
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
<context>
    <name>vmeclone::cli</name>
    <message>
        <location filename="../../core/cluster/host_self.cpp" line="+144"/>
        <source>host %1: starting the listener there printed no process id (&apos;%2&apos;): see %3 there</source>
        <translation>主机 %1：在该主机上启动监听器后未输出进程 ID（&apos;%2&apos;）：请查看该主机上的 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot make the data folder %1: check its parent&apos;s permissions</source>
        <translation>无法创建数据文件夹 %1：请检查其父文件夹的权限</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot start %1 listen: %2</source>
        <translation>无法启动 %1 listen：%2</translation>
    </message>
</context>
</TS>
